import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  benchmarkBatch,
  benchmarkBatchDetail,
  benchmarkBatchPage,
  benchmarkBatchPreview,
  benchmarkBatchRequest,
  benchmarkEntry,
} from '@scenebridge/contract/benchmark-cases';
import type { Services } from '@scenebridge/app/context';
import {
  benchmarkBatch as loadBenchmarkBatch,
  benchmarkBatches,
  correctBenchmarkEntry,
  presentBenchmarkBatch,
  presentBenchmarkEntry,
  previewBenchmarkBatch,
  publishBenchmarkBatch,
} from '@scenebridge/app/publication';
import { idParams, pageQuery, requireActor } from '../http.js';

/** benchmark_entries.seq is a PostgreSQL integer: a larger number is a bad request, not a database error. */
const MAX_INT4 = 2_147_483_647;

/** 标杆案例清单: the operator publishes and corrects numbered batches; anyone reads them. */
export function registerBenchmarkCaseRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/benchmark-batches',
    {
      schema: {
        tags: ['publication'],
        summary: '发布标杆案例清单批次：所选已验收项目列入编号批次（一次事务；同一批次重试返回 200 与原批次）',
        body: benchmarkBatchRequest,
        response: { 200: benchmarkBatch, 201: benchmarkBatch },
      },
    },
    async (request, reply) => {
      const { items, ...options } = request.body;
      const r = await publishBenchmarkBatch({ services, actor: requireActor(request), items, options });
      return reply.status(r.replayed ? 200 : 201).send(presentBenchmarkBatch(r.batch));
    },
  );
  api.post(
    '/benchmark-batches/preview',
    {
      schema: {
        tags: ['publication'],
        summary: '标杆案例清单发布前预览（不发布、不记审计）',
        body: benchmarkBatchRequest,
        response: { 200: benchmarkBatchPreview },
      },
    },
    async (request) => {
      const { items, ...options } = request.body;
      const d = await previewBenchmarkBatch({ services, actor: requireActor(request), items, options });
      return {
        year: d.year,
        number: d.number,
        title: d.title,
        issuer: d.issuer,
        entries: d.entries.map((e) => ({
          seq: e.seq,
          submissionId: e.submissionId,
          name: e.name,
          issuer: e.issuer,
          resultsText: e.resultsText ?? e.description,
          acceptanceReport: e.acceptanceReport ?? null,
          winner: e.winner ?? null,
        })),
      };
    },
  );
  api.post(
    '/benchmark-batches/:id/entries/:seq/corrections',
    {
      schema: {
        tags: ['publication'],
        summary: '标杆案例勘误：发布条目的新版本并附勘误说明（原版本保留）',
        params: z.object({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(MAX_INT4) }),
        body: z.object({
          name: z.string().trim().min(4).max(100).optional(),
          resultsText: z.string().trim().min(10).max(2000).optional(),
          acceptanceReport: z.string().trim().max(2000).nullable().optional(),
          winner: z.string().trim().max(100).nullable().optional(),
          erratum: z.string().trim().min(4, '请填写勘误说明').max(500),
        }),
        response: { 200: benchmarkEntry },
      },
    },
    async (request) =>
      presentBenchmarkEntry(
        await correctBenchmarkEntry({
          services,
          actor: requireActor(request),
          batchId: request.params.id,
          seq: request.params.seq,
          correction: request.body,
        }),
      ),
  );

  const pub = { public: true };
  api.get(
    '/public/benchmark-batches',
    {
      config: pub,
      schema: { tags: ['public'], summary: '标杆案例清单批次', querystring: z.object(pageQuery), response: { 200: benchmarkBatchPage } },
    },
    async (request) => {
      const r = await benchmarkBatches({ services, query: request.query });
      return { items: r.items.map(presentBenchmarkBatch), total: r.total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  api.get(
    '/public/benchmark-batches/:id',
    {
      config: pub,
      schema: {
        tags: ['public'],
        summary: '标杆案例清单批次详情：现行条目与勘误前版本',
        params: idParams,
        response: { 200: benchmarkBatchDetail },
      },
    },
    async (request) => {
      const r = await loadBenchmarkBatch({ services, id: request.params.id });
      return {
        ...presentBenchmarkBatch(r.batch),
        entries: r.current.map(presentBenchmarkEntry),
        superseded: r.history.map(presentBenchmarkEntry),
      };
    },
  );
}
