/** A deal and its activity as the API shows them (contract: @scenebridge/contract/deals). */
import type { DealActivityView, DealView } from '@scenebridge/db';
import type { Deal, DealActivity } from '@scenebridge/contract/deals';
import {
  allowedActions,
  dealActivityMachine,
  dealMachine,
  isDealOpen,
  shanghaiDate,
  type DealActivityState,
  type DealState,
} from '@scenebridge/domain';
import type { DealActivityKind, DealSource } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { dealMachineActors, dealPolicy } from './policy.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentDeal(d: DealView, actor: Actor | null): Deal {
  const actors = dealMachineActors(actor, d);
  const stageActions = allowedActions(dealMachine, d.status as DealState, actors);
  const wake =
    d.activity === 'dormant' && isDealOpen(d.status)
      ? allowedActions(dealActivityMachine, d.activity as DealActivityState, actors).filter((a) => a === 'wake')
      : [];
  const canLog = dealPolicy.allow(actor, 'logActivity', d) && isDealOpen(d.status);
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    source: d.source as DealSource,
    status: d.status as DealState,
    statusReason: d.statusReason,
    activity: d.activity as DealActivityState,
    need: { id: d.needId, title: d.needTitle, status: d.needStatus },
    capability: d.capabilityId ? { id: d.capabilityId, title: d.capabilityTitle ?? '', status: d.capabilityStatus ?? '' } : null,
    demandOrganization: { id: d.demandOrganizationId, name: d.demandOrganizationName },
    supplyOrganization: { id: d.supplyOrganizationId, name: d.supplyOrganizationName },
    broker: d.brokerUserId ? { id: d.brokerUserId, name: d.brokerName ?? '' } : null,
    interestId: d.interestId,
    awardId: d.awardId,
    expectedAmountFen: d.expectedAmountFen,
    intentAt: iso(d.intentAt),
    meetingAt: iso(d.meetingAt),
    negotiatingAt: iso(d.negotiatingAt),
    signedAt: iso(d.signedAt),
    declinedAt: iso(d.declinedAt),
    lastActivityAt: d.lastActivityAt.toISOString(),
    dormantSince: iso(d.dormantSince),
    nextStep: d.nextStep,
    nextStepDueOn: d.nextStepDueOn,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
    allowedActions: [...stageActions, ...(canLog ? wake : [])],
    canLogActivity: canLog,
    canClaim: dealPolicy.allow(actor, 'claim', d),
    canAssignBroker: dealPolicy.allow(actor, 'assignBroker', d),
    canEditAmount: dealPolicy.allow(actor, 'editAmount', d),
  };
}

export function presentActivity(a: DealActivityView, deal: DealView, actor: Actor | null, now: Date): DealActivity {
  const open = !!a.nextStep && !a.nextStepDoneAt;
  return {
    id: a.id,
    dealId: a.dealId,
    kind: a.kind as DealActivityKind,
    note: a.note,
    occurredAt: a.occurredAt.toISOString(),
    links: (a.links as { title: string; url: string }[]) ?? [],
    nextStep: a.nextStep,
    nextStepDueOn: a.nextStepDueOn,
    nextStepDoneAt: iso(a.nextStepDoneAt),
    overdue: open && !!a.nextStepDueOn && a.nextStepDueOn < shanghaiDate(now),
    createdBy: a.createdBy ? { id: a.createdBy, name: a.createdByName ?? '' } : null,
    createdAt: a.createdAt.toISOString(),
    canMarkDone: open && dealPolicy.allow(actor, 'logActivity', deal),
  };
}
