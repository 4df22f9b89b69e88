import type { ChallengeWithOrg } from '@scenebridge/db';
import { allowedActions, challengeMachine, type ChallengeState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { challengeMachineActors, challengePolicy } from './policy.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Editing an open challenge is the edit form's business (PATCH); the award's 公示 starts and ends the 公示 step. */
const NOT_A_BUTTON = new Set(['revise', 'start_publicity', 'award']);

export function acceptingApplications(c: { status: string; applicationDeadline: Date }, now: Date): boolean {
  return c.status === 'open' && now.getTime() < c.applicationDeadline.getTime();
}

export function presentChallenge(c: ChallengeWithOrg, actor: Actor | null, now: Date) {
  const actors = actor ? challengeMachineActors(actor, c) : [];
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName: c.organizationName,
    sourceNeedId: c.sourceNeedId,
    title: c.title,
    problem: c.problem,
    indicators: c.indicators,
    rewardFen: c.rewardFen,
    milestones: c.milestones,
    deliveryPeriod: c.deliveryPeriod,
    mode: c.mode === 'horse_race' ? { kind: 'horse_race' as const, maxTeams: c.maxTeams! } : { kind: 'single' as const },
    applicationDeadline: c.applicationDeadline.toISOString(),
    reviewScheme: c.reviewScheme,
    eligibility: c.eligibility,
    status: c.status,
    statusReason: c.statusReason,
    changeSummary: c.changeSummary ?? null,
    submittedAt: iso(c.submittedAt),
    firstOpenedAt: iso(c.firstOpenedAt),
    closedAt: iso(c.closedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    acceptingApplications: acceptingApplications(c, now),
    canEdit: challengePolicy.allow(actor, 'edit', c),
    allowedActions: allowedActions(challengeMachine, c.status as ChallengeState, actors).filter((a) => !NOT_A_BUTTON.has(a)),
  };
}
