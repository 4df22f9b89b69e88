import { listPublicEntries, type PublicEntryQuery } from '@scenebridge/db';
import type { Services } from '../context.js';
import { cachedAnswer } from './answer-cache.js';

const keyOf = (q: PublicEntryQuery) =>
  JSON.stringify([q.listType, q.sector, q.techField, q.regionCode, q.batchId, q.text, q.limit, q.offset]);

/** Current published entries (read-only: the answer may be shared with other callers). */
export const publicEntries = ({ services, query }: { services: Services; query: PublicEntryQuery }) =>
  cachedAnswer(services, `entries|${keyOf(query)}`, () => listPublicEntries(services.db, query));
