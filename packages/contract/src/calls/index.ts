/** Calls for submissions (征集): one list type, a time window and the scheme their items are reviewed by. */
import { CALL_STATES, callMachine, LIST_TYPES, type callInputSchema } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

/**
 * As stored: the input rules (weights adding up to 100 …) are checked when a call is written,
 * not again on the way out, so an answer never fails on a rule tightened later. Keys in jsonb's order.
 */
export const reviewScheme = z.object({
  blind: z.boolean(),
  criteria: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
  reviewersPerItem: z.number().int(),
});
export type ReviewScheme = z.infer<typeof reviewScheme>;

export const callDetail = z.object({
  id: z.string(),
  title: z.string(),
  listType: z.enum(LIST_TYPES),
  description: z.string(),
  opensAt: isoDateTime,
  /** The planned deadline, as announced; closing early does not change it. */
  closesAt: isoDateTime,
  /** When the call was closed (before closesAt if the operator closed it early); null while not closed. */
  closedAt: isoDateTime.nullable(),
  status: z.enum(CALL_STATES),
  /** The reason given when the call was cancelled. */
  statusReason: z.string().nullable(),
  reviewScheme,
  submissionCount: z.number().int(),
  createdAt: isoDateTime,
  /** Open and within its window: organisations may submit now. */
  acceptingSubmissions: z.boolean(),
  /** Operators only; empty for everyone else. */
  allowedActions: z.array(z.enum(callMachine.transitions.map((t) => t.action))),
});
export type CallDetail = z.infer<typeof callDetail>;

export const callPage = pageOf(callDetail);
export type CallPage = z.infer<typeof callPage>;
export * from './lifecycle.js';
export * from './labels.js';

/** POST /calls and PATCH /calls/:id: the body the server parses with the domain's callInputSchema. */
export type CallInput = z.input<typeof callInputSchema>;
