/**
 * The broker's workspace: their caseload (open deals by stage, dormant, unassigned they may
 * claim), next steps due today or overdue on their deals, their dormant deals and their
 * conversion figures (handled, signed, declined, signed rate, signed expected amount), all
 * counted by the database.
 */
import { brokerFigures, listBrokerFollowUps, listDeals, OPEN_DEAL_STATUSES } from '@scenebridge/db';
import type { BrokerWorkspace } from '@scenebridge/contract/brokers';
import { DEAL_STATES, shanghaiDate, type DealState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeBrokerWorkspace, presentDeal } from '../deals/index.js';
import { loadBrokerProfile } from './profile.js';

export async function brokerWorkspace({ services, actor }: { services: Services; actor: Actor }): Promise<BrokerWorkspace> {
  authorizeBrokerWorkspace(actor);
  const today = shanghaiDate(services.now());
  const [profile, figures, followUps, dormant] = await Promise.all([
    loadBrokerProfile(services.db, actor.userId),
    brokerFigures(services.db, actor.userId),
    listBrokerFollowUps(services.db, actor.userId, today),
    listDeals(
      services.db,
      { all: true },
      { brokerId: actor.userId, activity: 'dormant', status: OPEN_DEAL_STATUSES },
      { offset: 0, limit: 50 },
    ),
  ]);
  const open = new Set<string>(OPEN_DEAL_STATUSES);
  const up = followUps.map((f) => ({ ...f, overdue: f.dueOn < today }));
  return {
    profile,
    caseload: {
      open: figures.byStage.filter((s) => open.has(s.stage)).reduce((n, s) => n + s.count, 0),
      dormant: figures.byStage.filter((s) => open.has(s.stage)).reduce((n, s) => n + s.dormant, 0),
      unassignedOpen: figures.unassignedOpen,
      byStage: DEAL_STATES.map((stage: DealState) => ({ stage, count: figures.byStage.find((s) => s.stage === stage)?.count ?? 0 })),
    },
    today,
    dueToday: up.filter((f) => !f.overdue),
    overdue: up.filter((f) => f.overdue),
    dormantDeals: dormant.items.map((d) => presentDeal(d, actor)),
    conversion: {
      handled: figures.handled,
      signed: figures.signed,
      declined: figures.declined,
      signedRate: figures.handled ? figures.signed / figures.handled : 0,
      signedExpectedFen: figures.signedExpectedFen,
    },
  };
}
