import { submissionsOfOrganization, type Transaction } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { validationError } from '../submissions/index.js';
import {
  matchProfileQuerySchema,
  policyDigestQuerySchema,
  policyMatchQuerySchema,
  savedSearchQuerySchema,
  type MatchProfileQuery,
} from './schemas.js';

const QUERY_SCHEMAS: Record<string, z.ZodType> = {
  saved_search: savedSearchQuerySchema,
  match_profile: matchProfileQuerySchema,
  policy_digest: policyDigestQuerySchema,
  policy_match: policyMatchQuerySchema,
};

/**
 * Checks a query against the subscription's kind. A profile lists only the caller's
 * organisation's own items, asked of the database as one set (any other id is refused alike).
 */
export async function checkQuery(db: Services['db'] | Transaction, actor: Actor, kind: string, query: unknown) {
  const parsed = (QUERY_SCHEMAS[kind] ?? savedSearchQuerySchema).safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  if (kind === 'match_profile') {
    const ids = [...new Set((parsed.data as MatchProfileQuery).submissionIds)];
    const own = await submissionsOfOrganization(db, actor.organizationId, ids);
    if (own.length !== ids.length) throw new DomainError('PROFILE_ITEMS_INVALID', '只能选择本机构的需求或能力', 400);
    return { submissionIds: ids };
  }
  return parsed.data;
}
