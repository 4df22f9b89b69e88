/**
 * Who may do what with a challenge (揭榜挂帅). The posting organisation's users own it: they see
 * all of theirs, drafts included, and alone write and submit it. Operators see a challenge once it
 * has been submitted for review at least once, and review it. Everyone — anonymous visitors
 * included — sees it from `open` on. Whoever may not see a challenge is told it does not exist
 * (404), so another organisation's drafts cannot be probed.
 */
import { DomainError, forbidden, isChallengeEditable, isChallengePublic, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** What the rules read of a challenge. */
export type ChallengeAccess = { organizationId: string; status: string; submittedAt: Date | null };

export const ownsChallenge: Rule<Pick<ChallengeAccess, 'organizationId'>> = (a, c) =>
  isOrgUser(a) && a!.organizationId === c.organizationId;
const operatorSees: Rule<ChallengeAccess> = (a, c) => isOperator(a) && c.submittedAt !== null;
export const canViewChallenge: Rule<ChallengeAccess> = (a, c) => isChallengePublic(c.status) || ownsChallenge(a, c) || operatorSees(a, c);

export type ChallengeAction = 'edit' | 'actAsOwner' | 'actAsOperator';

export const challengePolicy = definePolicy<ChallengeAccess, ChallengeAction>('榜单', {
  view: canViewChallenge,
  edit: (a, c) => ownsChallenge(a, c) && a!.organizationStatus === 'approved' && isChallengeEditable(c.status),
  actAsOwner: (a, c) => ownsChallenge(a, c) && a!.organizationStatus === 'approved',
  actAsOperator: (a) => isOperator(a),
});

/** Posting a challenge, before anything is read: a user of an approved organisation. */
export function authorizePosting(actor: Actor | null): Actor {
  if (!actor || !isOrgUser(actor)) throw forbidden('只有机构用户可以发榜');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能发榜', 403);
  return actor;
}

/** The caller's roles in the challenge machine; the clock (actor null) acts as the system. */
export function challengeMachineActors(actor: Actor | null, c: ChallengeAccess): MachineActor[] {
  if (!actor) return ['system'];
  const out: MachineActor[] = [];
  if (challengePolicy.allow(actor, 'actAsOperator', c)) out.push('operator');
  if (challengePolicy.allow(actor, 'actAsOwner', c)) out.push('owner');
  return out;
}

/**
 * The list's filter: everyone sees public states; an organisation's users also every challenge
 * of theirs; operators also every challenge ever submitted for review.
 */
export function challengeListScope(actor: Actor | null): { publicStatesOr: 'own' | 'submitted' | 'none'; organizationId?: string } {
  if (isOperator(actor)) return { publicStatesOr: 'submitted' };
  if (isOrgUser(actor)) return { publicStatesOr: 'own', organizationId: actor!.organizationId };
  return { publicStatesOr: 'none' };
}
