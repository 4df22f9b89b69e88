/** The audit log (a hash chain) and its verification. */
import type { ChainProblem } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The object's current name (a submission's title, a call's title, a person's name…); null when it has none. */
  entityName: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;

/** GET /audit/people: whom the audit log can be filtered by (operators only). */
export const auditPerson = z.object({ id: z.string(), displayName: z.string(), email: z.string(), organizationName: z.string() });
export type AuditPerson = z.infer<typeof auditPerson>;
export const auditPeople = z.object({ items: z.array(auditPerson) });
export type AuditPeople = z.infer<typeof auditPeople>;

export const CHAIN_PROBLEMS = ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch'] as const satisfies readonly ChainProblem[];

export const chainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The last sequence number the chain head records. */
  headSeq: z.number().int(),
  /** The first entry that does not fit; absent when the chain is whole. */
  firstBad: z.object({ seq: z.number().int(), expectedSeq: z.number().int(), problem: z.enum(CHAIN_PROBLEMS) }).optional(),
});
export type ChainReport = z.infer<typeof chainReport>;
