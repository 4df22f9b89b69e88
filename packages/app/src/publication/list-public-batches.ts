import { listBatches } from '@scenebridge/db';
import type { Services } from '../context.js';

/** Published batches, newest first, optionally of one list type. */
export const publicBatches = ({ services, query }: { services: Services; query: { listType?: string; page: number; pageSize: number } }) =>
  listBatches(services.db, { listType: query.listType, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
