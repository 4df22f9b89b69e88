import type { OrganizationLicenceMeta, OrganizationRow, UserRow } from '@scenebridge/db';
import { allowedActions, organizationMachine, regionFullName, type OrganizationState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { lifecycleActors } from './policy.js';

/**
 * `licence` (the newest business licence file) is in the answer where the caller read it: the
 * operator's list and the organisation's own page; other answers leave it out.
 */
export function presentOrganization(org: OrganizationRow & { licence?: OrganizationLicenceMeta | null }, actor: Actor | null) {
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
    ...(org.licence !== undefined && { licence: org.licence && presentLicence(org.licence) }),
  };
}

export function presentLicence(l: OrganizationLicenceMeta) {
  return { id: l.id, filename: l.filename, mediaType: l.mediaType, size: l.size, createdAt: l.createdAt.toISOString() };
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
