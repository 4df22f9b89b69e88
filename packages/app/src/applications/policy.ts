/**
 * Who may do what with a 揭榜 application (docs/challenges.md, "Applications").
 * - The lead organisation's users see it, edit the draft, submit and withdraw it.
 * - A consortium member organisation's users see it read-only; its admins confirm or decline the place.
 * - Operators see every application submitted at least once, and shortlist or refuse it.
 * - The challenge owner's users see submitted applications (not withdrawn ones) only once the
 *   application deadline has passed, so no applicant's plan or quote leaks while others still write.
 * Anyone else is told it does not exist (404).
 */
import type { Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

export interface ApplicationAccess {
  leadOrganizationId: string;
  status: string;
  submittedAt: Date | null;
  challengeOrganizationId: string;
  /** The challenge's application deadline has passed by the server's clock. */
  deadlinePassed: boolean;
  /** Consortium members' organisations (any state of their place). */
  memberOrganizationIds: readonly string[];
}

const inOrg = (a: Actor | null, orgId: string) => isOrgUser(a) && a!.organizationId === orgId;
export const leadsApplication: Rule<ApplicationAccess> = (a, r) => inOrg(a, r.leadOrganizationId);
const isMember: Rule<ApplicationAccess> = (a, r) => isOrgUser(a) && r.memberOrganizationIds.includes(a!.organizationId);
const ownerSees: Rule<ApplicationAccess> = (a, r) =>
  inOrg(a, r.challengeOrganizationId) && r.submittedAt !== null && r.status !== 'withdrawn' && r.deadlinePassed;

export type ApplicationPolicyAction = 'edit' | 'actAsOwner' | 'actAsOperator' | 'decideMembership';

export const applicationPolicy = definePolicy<ApplicationAccess, ApplicationPolicyAction>('揭榜申报', {
  view: (a, r) => leadsApplication(a, r) || isMember(a, r) || (isOperator(a) && r.submittedAt !== null) || ownerSees(a, r),
  edit: (a, r) => leadsApplication(a, r) && a!.organizationStatus === 'approved' && r.status === 'draft',
  actAsOwner: (a, r) => leadsApplication(a, r) && a!.organizationStatus === 'approved',
  actAsOperator: (a, r) => isOperator(a) && r.submittedAt !== null,
  decideMembership: (a, r) => isMember(a, r) && a!.roles.includes('org_admin') && r.status === 'draft',
});

export function applicationMachineActors(actor: Actor | null, r: ApplicationAccess): MachineActor[] {
  if (!actor) return ['system'];
  const out: MachineActor[] = [];
  if (applicationPolicy.allow(actor, 'actAsOperator', r)) out.push('operator');
  if (applicationPolicy.allow(actor, 'actAsOwner', r)) out.push('owner');
  return out;
}
