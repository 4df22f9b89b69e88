/** 揭榜 applications: what the API answers. Input rules live in the domain (applicationContentSchema). */
import { APPLICATION_STATES, applicationMachine } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';
import { attachment } from '../submissions/index.js';

export const applicationMember = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  status: z.enum(['invited', 'confirmed', 'declined']),
  reason: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
});

/** An application as lists show it; its own page adds the files (applicationDetail). */
export const applicationSummary = z.object({
  id: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  challengeDeadline: isoDateTime,
  leadOrganizationId: z.string(),
  leadOrganizationName: z.string(),
  status: z.enum(APPLICATION_STATES),
  statusReason: z.string().nullable(),
  plan: z.string(),
  teamLeader: z.object({ name: z.string(), title: z.string(), phone: z.string() }),
  /** 分 (integer). */
  quoteFen: z.number().int(),
  /** One planned date per challenge milestone, in order. */
  schedule: z.array(z.object({ plannedDate: z.string() })),
  members: z.array(applicationMember),
  consortiumConfirmed: z.boolean(),
  submittedAt: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  canEdit: z.boolean(),
  myMembership: z.object({ status: z.enum(['invited', 'confirmed', 'declined']), canDecide: z.boolean() }).nullable(),
  allowedActions: z.array(z.enum(applicationMachine.transitions.map((t) => t.action))),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;
export const applicationDetail = applicationSummary.extend({ attachments: z.array(attachment) });
export type ApplicationDetail = z.infer<typeof applicationDetail>;
export const applicationPage = pageOf(applicationSummary);
export type ApplicationPage = z.infer<typeof applicationPage>;

export const consortiumPartner = z.object({ id: z.string(), name: z.string(), creditCode: z.string(), kind: z.string() });
export const consortiumPartnerList = z.object({ items: z.array(consortiumPartner) });
export type ConsortiumPartner = z.infer<typeof consortiumPartner>;

export * from './labels.js';
