import { listBenchmarkCases } from '@scenebridge/db';
import type { Services } from '../context.js';

export const benchmarkCases = ({ services, query }: { services: Services; query: { page: number; pageSize: number } }) =>
  listBenchmarkCases(services.db, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
