/**
 * Who may do what with an organisation. Operators see and run every organisation; a user sees
 * only their own, and another organisation does not exist for them (404). Within their own, only
 * its admins manage users. The lifecycle (approve, reject, reapply) is the state machine's: the
 * policy names in which capacity the actor takes part (operator, owner), the machine decides
 * which action each capacity may take in which state.
 */
import type { OrganizationRow } from '@scenebridge/db';
import type { Actor as MachineActor, Role } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

type Organization = Pick<OrganizationRow, 'id'>;

const operator: Rule<unknown> = (a) => isOperator(a);
const member: Rule<Organization> = (a, org) => !!a && a.organizationId === org.id;
const admin: Rule<Organization> = (a, org) => member(a, org) && a!.roles.includes('org_admin');

export const organizationPolicy = definePolicy<
  Organization,
  'actAsOperator' | 'actAsOwner' | 'manageUsers' | 'grantAnyRole' | 'uploadLicence' | 'manageProfile'
>('机构', {
  /** Also who may list and download the organisation's business licence files. */
  view: (a, org) => operator(a, org) || member(a, org),
  actAsOperator: operator,
  actAsOwner: admin,
  manageUsers: (a, org) => operator(a, org) || admin(a, org),
  /** Platform roles too; an organisation's admin gives only the organisation's own (mayGrantRoles). */
  grantAnyRole: operator,
  /** The business licence is sent by the organisation's own admin (while under review: see upload-licence.ts). */
  uploadLicence: admin,
  /**
   * Qualifications and the 失信 flag are recorded by the operator after checking certificates and
   * official lists; the organisation sees them (view) but does not edit them.
   */
  manageProfile: operator,
});

const ORGANIZATION_ROLES: readonly Role[] = ['org_admin', 'org_member'];

/** Whether the actor may give a new user of this organisation these roles. */
export const mayGrantRoles = (actor: Actor | null, org: Organization, roles: readonly Role[]): boolean =>
  roles.every((r) => ORGANIZATION_ROLES.includes(r)) || organizationPolicy.allow(actor, 'grantAnyRole', org);

/**
 * The list of all organisations is the operator's. That it exists is no secret, so anyone else
 * is refused (403), not told it is missing.
 */
export const organizationDirectoryPolicy = definePolicy<null, 'list'>('机构', {
  view: () => true,
  list: operator,
});

/** The capacities in which the actor takes part in this organisation's lifecycle. */
export function lifecycleActors(actor: Actor | null, org: Organization): MachineActor[] {
  const out: MachineActor[] = [];
  if (organizationPolicy.allow(actor, 'actAsOperator', org)) out.push('operator');
  if (organizationPolicy.allow(actor, 'actAsOwner', org)) out.push('owner');
  return out;
}
