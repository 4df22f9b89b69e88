import type { OrganizationRow, UserRow } from '@scenebridge/db';
import { allowedActions, organizationMachine, regionFullName, type OrganizationState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { lifecycleActors } from './policy.js';

export function presentOrganization(org: OrganizationRow, actor: Actor | null) {
  return {
    id: org.id,
    name: org.name,
    creditCode: org.creditCode,
    kind: org.kind,
    regionCode: org.regionCode,
    regionName: regionFullName(org.regionCode),
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    status: org.status,
    statusReason: org.statusReason,
    createdAt: org.createdAt.toISOString(),
    allowedActions: allowedActions(organizationMachine, org.status as OrganizationState, lifecycleActors(actor, org)),
  };
}

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    organizationId: u.organizationId,
    createdAt: u.createdAt.toISOString(),
  };
}
