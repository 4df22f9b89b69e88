/** Organisations and their users: registration, the operator's review, user accounts. */
import { ORGANIZATION_KINDS, ORGANIZATION_STATES, organizationMachine, QUALIFICATION_CODES, ROLES } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';
import { LICENCE_MEDIA_TYPES } from '../forms/index.js';

/** A business licence file (营业执照) the organisation sent for its review: PDF, JPG or PNG. */
export const organizationLicence = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.enum(LICENCE_MEDIA_TYPES),
  size: z.number().int(),
  createdAt: isoDateTime,
});
export type OrganizationLicence = z.infer<typeof organizationLicence>;

/** All licence files of one organisation, newest first: not paged (at most a few). */
export const organizationLicenceList = z.object({ items: z.array(organizationLicence) });
export type OrganizationLicenceList = z.infer<typeof organizationLicenceList>;

export const organization = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  regionCode: z.string(),
  /** Province, city and district joined, e.g. 重庆市九龙坡区. */
  regionName: z.string(),
  address: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(ORGANIZATION_STATES),
  statusReason: z.string().nullable(),
  createdAt: isoDateTime,
  /** What the caller may do next (operator: approve/reject; the organisation itself: reapply). */
  allowedActions: z.array(z.enum(organizationMachine.transitions.map((t) => t.action))),
  /**
   * The newest business licence file, null if none was sent. In the operator's list and in
   * GET /organizations/:id; answers to registration and transitions leave it out.
   */
  licence: organizationLicence.nullable().optional(),
});
export type Organization = z.infer<typeof organization>;

export const organizationPage = pageOf(organization);
export type OrganizationPage = z.infer<typeof organizationPage>;

export const user = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  organizationId: z.string(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;

/** All users of one organisation: not paged (an organisation has few). */
export const userList = z.object({ items: z.array(user) });
export type UserList = z.infer<typeof userList>;

export const registration = z.object({ organization, user });
export type Registration = z.infer<typeof registration>;
export * from './lifecycle.js';
export * from './labels.js';

/** A qualification the operator recorded; `valid` is false once its last valid day has passed (Asia/Shanghai). */
export const organizationQualification = z.object({
  id: z.string(),
  code: z.enum(QUALIFICATION_CODES),
  label: z.string(),
  certificateNo: z.string().nullable(),
  /** YYYY-MM-DD, the last valid day; null when it does not lapse. */
  validUntil: z.string().nullable(),
  valid: z.boolean(),
  createdAt: isoDateTime,
});
export type OrganizationQualification = z.infer<typeof organizationQualification>;

/** The 失信 flag's current state, null if the operator never set it. */
export const dishonestyFlag = z.object({
  flagged: z.boolean(),
  source: z.string(),
  listedOn: z.string().nullable(),
  reason: z.string(),
  updatedAt: isoDateTime,
});
export type DishonestyFlag = z.infer<typeof dishonestyFlag>;

/** What eligibility screening reads beyond registration: qualifications and the 失信 flag. */
export const organizationProfile = z.object({
  organizationId: z.string(),
  qualifications: z.array(organizationQualification),
  dishonesty: dishonestyFlag.nullable(),
  /** Whether the caller may edit it (the operator). */
  canEdit: z.boolean(),
});
export type OrganizationProfile = z.infer<typeof organizationProfile>;
