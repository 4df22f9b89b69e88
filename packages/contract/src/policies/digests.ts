/**
 * 政策动态 (policy digest issues, docs/policies.md) as the API answers them: the archive's
 * summaries and one issue with its items (a published policy each, its summary and key
 * measures in their own words) and its suggested research directions.
 */
import { POLICY_DIGEST_STATES } from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const policyDigestDirection = z.object({ title: z.string(), text: z.string() });
export type PolicyDigestDirection = z.infer<typeof policyDigestDirection>;

export const policyDigestSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(POLICY_DIGEST_STATES),
  /** Given at publication: the Asia/Shanghai year, 第N期 within it and 总第M期. */
  year: z.number().int().nullable(),
  issueNo: z.number().int().nullable(),
  totalNo: z.number().int().nullable(),
  /** 第N期（总第M期）; null for a draft. */
  numberText: z.string().nullable(),
  itemCount: z.number().int(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type PolicyDigestSummary = z.infer<typeof policyDigestSummary>;
export const policyDigestList = pageOf(policyDigestSummary);
export type PolicyDigestList = z.infer<typeof policyDigestList>;

export const policyDigestMeasure = z.object({
  id: z.string(),
  path: z.string(),
  marker: z.string(),
  heading: z.string().nullable(),
  /** The measure's words, verbatim from the policy's source text. */
  text: z.string(),
});

export const policyDigestItem = z.object({
  seq: z.number().int(),
  policy: z.object({
    id: z.string(),
    title: z.string(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    documentNumber: z.string().nullable(),
    status: z.string(),
  }),
  summary: z.string(),
  measureIds: z.array(z.string()),
  measures: z.array(policyDigestMeasure),
});
export type PolicyDigestItem = z.infer<typeof policyDigestItem>;

export const policyDigestDetail = policyDigestSummary.extend({
  intro: z.string().nullable(),
  directions: z.array(policyDigestDirection),
  version: z.number().int(),
  updatedAt: isoDateTime,
  /** Printed under the masthead: the publishing operator's organisation. */
  publisher: z.string(),
  /** The date printed on the issue (YYYY-MM-DD): its publication day, or today for a draft. */
  issuedOn: z.string(),
  /** For operators: publish (a draft), edit (a draft). */
  allowedActions: z.array(z.string()),
  items: z.array(policyDigestItem),
});
export type PolicyDigestDetail = z.infer<typeof policyDigestDetail>;
