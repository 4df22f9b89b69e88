/**
 * Who may do what with a submission. The submitting organisation's users own it: they see all of
 * theirs, drafts included, and alone edit its data and files. Operators see what has been
 * submitted at least once (never another organisation's unsent draft). Whoever may not see a
 * submission is told it does not exist (404), so another organisation's items cannot be probed.
 * Which transitions each may take is the domain's submission machine; this module says which
 * machine roles ('owner', 'operator') the caller holds on this submission.
 *
 * The public listing of a submission (search, /listings) is a different question answered in
 * search/policy.ts: it also shows published items to everyone and submitted ones to brokers. Its
 * owner rule is this module's `ownsSubmission`; for what is in the index (submitted at least
 * once) whoever may view the record may also see its listing.
 */
import { DomainError, forbidden, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** What the rules read of a submission. */
export type SubmissionAccess = { organizationId: string; submittedAt: Date | null };

/** A user of the organisation that submits it. */
export const ownsSubmission: Rule<Pick<SubmissionAccess, 'organizationId'>> = (a, s) =>
  isOrgUser(a) && a!.organizationId === s.organizationId;
/** Operators see an item once it has been submitted (not drafts, not drafts withdrawn unsent). */
export const operatorSeesSubmission: Rule<SubmissionAccess> = (a, s) => isOperator(a) && s.submittedAt !== null;
export const canViewSubmission: Rule<SubmissionAccess> = (a, s) => ownsSubmission(a, s) || operatorSeesSubmission(a, s);
/** The name this rule had before the policy; kept because the feature's index exported it. */
export const canView = canViewSubmission;

export type SubmissionAction = 'update' | 'manageAttachments' | 'actAsOwner' | 'actAsOperator';

export const submissionPolicy = definePolicy<SubmissionAccess, SubmissionAction>('填报', {
  view: canViewSubmission,
  update: ownsSubmission,
  manageAttachments: ownsSubmission,
  actAsOwner: ownsSubmission,
  // The machine still refuses (403) operator moves the operator may not take in a given state.
  actAsOperator: (a) => isOperator(a),
});

/** The refusals the web shows when the caller sees the submission but may not do this. */
const REFUSALS: Partial<Record<SubmissionAction, string>> = {
  update: '只有填报机构可以修改',
  manageAttachments: '只有填报机构可以管理附件',
};

/** `submissionPolicy.authorize`, with each refusal's own message (403 FORBIDDEN as before). */
export function authorizeSubmission(actor: Actor | null, action: SubmissionAction | 'view', s: SubmissionAccess): void {
  submissionPolicy.authorize(actor, 'view', s);
  if (action !== 'view' && !submissionPolicy.allow(actor, action, s)) throw forbidden(REFUSALS[action]);
}

/** The roles the caller holds on this submission in the submission machine, from the policy's rules. */
export function machineActorsFor(actor: Actor | null, s: SubmissionAccess): MachineActor[] {
  const out: MachineActor[] = [];
  if (submissionPolicy.allow(actor, 'actAsOperator', s)) out.push('operator');
  if (submissionPolicy.allow(actor, 'actAsOwner', s)) out.push('owner');
  return out;
}

/**
 * Starting a submission, before the call is read: a user of an organisation (403), and of an
 * approved one (403 ORGANIZATION_NOT_APPROVED, which the web tells apart).
 */
export function authorizeDrafting(actor: Actor | null): Actor {
  if (!actor || !isOrgUser(actor)) throw forbidden('只有机构用户可以填报');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填报', 403);
  return actor;
}

/**
 * The list's filter for the repository: the view rule as a set. Operators get what has been
 * submitted, organisation users their organisation's; anyone else may not list (403).
 */
export function submissionListScope(actor: Actor | null): { onlySubmitted: true } | { organizationId: string } {
  if (isOperator(actor)) return { onlySubmitted: true };
  if (isOrgUser(actor)) return { organizationId: actor!.organizationId };
  throw forbidden();
}

/** An attachment, with whether the caller is a reviewer assigned to its item. */
export type AttachmentAccess = { submission: SubmissionAccess; assignedToActor: boolean };

/** A reviewer assigned to the item reads its files to score it (under blind review without their names). */
export const reviewsSubmission: Rule<AttachmentAccess> = (a, x) => !!a && a.roles.includes('reviewer') && x.assignedToActor;

export const attachmentPolicy = definePolicy<AttachmentAccess, never>('附件', {
  view: (a, x) => canViewSubmission(a, x.submission) || reviewsSubmission(a, x),
});
