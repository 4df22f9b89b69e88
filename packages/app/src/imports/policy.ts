/**
 * Who may import submissions from a spreadsheet. Operators key in paper forms for any
 * organisation, into any call that still takes imports; an organisation's admin imports only
 * their own organisation's items, once it is approved, into a call organisations can see.
 * Whether the call's window is open is the call's state, not a permission (see importSubmissions).
 */
import type { CallRow } from '@scenebridge/db';
import { DomainError, forbidden, isCallVisibleToOrganisations } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, requireActor, type Rule } from '../shared/index.js';

/** Operators and organisation admins; members and reviewers do not import (nor download the template). */
export const mayImport = (a: Actor | null): boolean => isOperator(a) || (!!a && a.roles.includes('org_admin'));
/** An organisation imports only once approved; operators act for the platform. */
export const organizationMayImport = (a: Actor | null): boolean => isOperator(a) || (!!a && a.organizationStatus === 'approved');
/** Operators key in paper forms after the window closes; organisations follow the window like any submission. */
export const mayImportOutsideWindow = (a: Actor | null): boolean => isOperator(a);
/** A row's owner: any organisation for an operator, only their own for an admin. */
export const mayImportFor = (a: Actor | null, organizationId: string): boolean =>
  isOperator(a) || (!!a && a.organizationId === organizationId);

type ImportTarget = Pick<CallRow, 'status'>;
/** A call not yet (or no longer) shown to organisations does not exist for them. */
const seesCall: Rule<ImportTarget> = (a, call) => isOperator(a) || (!!a && isCallVisibleToOrganisations(call.status));

export const importPolicy = definePolicy<ImportTarget, 'import'>('征集', {
  view: seesCall,
  import: (a, call) => seesCall(a, call) && mayImport(a) && organizationMayImport(a),
});

/** Before the call is read: role first, then the organisation's standing, each with its own answer. */
export function authorizeImporter(actor: Actor | null): Actor {
  const me = requireActor(actor);
  if (!mayImport(me)) throw forbidden('只有运营方或机构管理员可以批量导入');
  if (!organizationMayImport(me)) throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填报', 403);
  return me;
}
