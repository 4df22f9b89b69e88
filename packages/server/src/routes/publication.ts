import { inRange, LIST_TYPES, SECTOR_CODES, TECH_FIELD_CODES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  batch,
  batchDetail,
  batchEntry,
  batchEntryPage,
  batchPage,
  batchPreview,
  benchmarkCasePage,
  entryDetail,
  promotedBenchmarkCase,
  type Batch,
  type BatchEntry,
  type BatchPreview,
} from '@scenebridge/contract/publication';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor } from '../http.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import {
  batchToDocx,
  batchToXlsx,
  benchmarkCases,
  correctEntry,
  exportPublicEntries,
  PUBLIC_EXPORTER,
  presentBatch,
  presentEntry,
  promoteToBenchmark,
  publicBatch,
  publicBatches,
  publicEntriesFor,
  publicEntry,
  previewBatch,
  publishBatch,
} from '@scenebridge/app/publication';

export const publicEntryQuery = z.object({
  listType: z.enum(LIST_TYPES).optional(),
  sector: z.enum(SECTOR_CODES).optional(),
  techField: z.enum(TECH_FIELD_CODES).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  batchId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

/** What the operator may set on a batch; the preview reads the same from its query string. */
const batchOptionFields = {
  title: z.string().trim().min(4).max(100).optional(),
  issuer: z.string().trim().min(2).max(100).optional(),
};
const batchNumber = inRange('batchNumber', '批次号').int();
const previewQuery = z.object({ ...batchOptionFields, number: z.coerce.number().pipe(batchNumber).optional() });
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const previewFile = {
  description: '预览文件（XLSX 清单或 DOCX 公告），尚未发布',
  content: Object.fromEntries(Object.values(FILE_TYPES).map((t) => [t, { schema: z.any().meta({ type: 'string', format: 'binary' }) }])),
};

// The presenters type list types as plain strings (as stored); the reply schema checks them.
const batchOut = (...a: Parameters<typeof presentBatch>) => presentBatch(...a) as Batch;
const entryOut = (...a: Parameters<typeof presentEntry>) => presentEntry(...a) as BatchEntry;

/** batch_entries.seq is a PostgreSQL integer: a larger number is a bad request, not a database error. */
const MAX_INT4 = 2_147_483_647;

export function registerPublicationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/calls/:id/batches',
    {
      schema: {
        tags: ['publication'],
        summary: '将已入选项目发布为编号批次（一次事务，失败则不发布任何内容）',
        params: idParams,
        body: z.object({ ...batchOptionFields, number: batchNumber.optional() }),
        response: { 201: batch },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(batchOut(await publishBatch({ services, actor: requireActor(request), callId: request.params.id, ...request.body }))),
  );
  api.get(
    '/calls/:id/batches/preview',
    {
      schema: {
        tags: ['publication'],
        summary: '发布前预览：条目数、建议批次号、标题与条目（不发布、不记审计）',
        params: idParams,
        querystring: previewQuery,
        response: { 200: batchPreview },
      },
    },
    async (request) => {
      const p = await previewBatch({ services, actor: requireActor(request), callId: request.params.id, options: request.query });
      const d = p.document;
      return {
        callId: p.callId,
        listType: d.listType,
        year: d.year,
        number: d.number,
        numberSource: p.numberSource,
        title: d.title,
        issuer: d.issuer,
        entryCount: d.entries.length,
        entries: d.entries.map((e) => ({ seq: e.seq, name: e.name, issuer: e.issuer })),
      } satisfies BatchPreview;
    },
  );
  api.get(
    '/calls/:id/batches/preview/:format',
    {
      schema: {
        tags: ['publication'],
        summary: '发布前预览文件：XLSX 清单或 DOCX 公告，与发布后的文件同一写法',
        params: z.object({ id: z.uuid(), format: z.enum(['xlsx', 'docx']) }),
        querystring: previewQuery,
        response: { 200: previewFile },
      },
    },
    async (request, reply) => {
      const { format } = request.params;
      const p = await previewBatch({ services, actor: requireActor(request), callId: request.params.id, options: request.query });
      const file = format === 'xlsx' ? await batchToXlsx(p.document) : await batchToDocx(p.document);
      const name = `预览-${p.document.title}.${format}`;
      return reply
        .header('content-type', FILE_TYPES[format])
        .header('content-disposition', `attachment; filename="preview.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  api.post(
    '/batches/:id/entries/:seq/corrections',
    {
      schema: {
        tags: ['publication'],
        summary: '勘误：发布条目的新版本并附勘误说明（原版本保留）',
        params: z.object({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(MAX_INT4) }),
        body: z.object({
          name: z.string().trim().min(4).max(100).optional(),
          description: z.string().trim().min(20).max(5000).optional(),
          contact: z.string().trim().max(200).nullable().optional(),
          erratum: z.string().trim().min(4, '请填写勘误说明').max(500),
        }),
        response: { 200: batchEntry },
      },
    },
    async (request) =>
      entryOut(
        await correctEntry({
          services,
          actor: requireActor(request),
          batchId: request.params.id,
          seq: request.params.seq,
          correction: request.body,
        }),
      ),
  );
  api.post(
    '/submissions/:id/benchmark',
    {
      schema: {
        tags: ['publication'],
        summary: '将已验收项目列入标杆案例清单',
        params: idParams,
        body: z.object({ resultsText: z.string().trim().min(10).max(2000) }),
        response: { 201: promotedBenchmarkCase },
      },
    },
    async (request, reply) => {
      const c = await promoteToBenchmark({
        services,
        actor: requireActor(request),
        submissionId: request.params.id,
        resultsText: request.body.resultsText,
      });
      return reply.status(201).send({ ...c, promotedAt: c.promotedAt.toISOString() });
    },
  );

  const pub = { public: true };
  api.get(
    '/public/batches',
    {
      config: pub,
      schema: {
        tags: ['public'],
        summary: '已发布批次',
        querystring: z.object({ listType: z.enum(LIST_TYPES).optional(), ...pageQuery }),
        response: { 200: batchPage },
      },
    },
    async (request) => {
      const r = await publicBatches({ services, query: request.query });
      return { items: r.items.map((b) => batchOut(b)), total: r.total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  api.get(
    '/public/batches/:id',
    {
      config: pub,
      schema: { tags: ['public'], summary: '批次详情：现行条目与勘误前版本', params: idParams, response: { 200: batchDetail } },
    },
    async (request) => {
      const r = await publicBatch({ services, id: request.params.id });
      return { ...batchOut(r.batch), entries: r.current.map((e) => entryOut(e)), superseded: r.history.map((e) => entryOut(e)) };
    },
  );
  api.get(
    '/public/entries',
    {
      config: pub,
      schema: {
        tags: ['public'],
        summary: '已发布条目（筛选：清单类型、领域、技术领域、地区、批次；q 关键词经检索引擎按相关度排序，含同义词与口语词）',
        querystring: publicEntryQuery,
        response: { 200: batchEntryPage },
      },
    },
    async (request) => {
      const { q, page, pageSize, ...f } = request.query;
      const r = await publicEntriesFor({ services, filters: f, q, page, pageSize });
      return { items: r.items.map((x) => entryOut(x.entry, x.batchTitle)), total: r.total, page, pageSize };
    },
  );
  api.get(
    '/public/entries/export.xlsx',
    {
      config: { ...pub, ...heavyRateLimit(services.config, 'search') },
      schema: {
        tags: ['public'],
        summary: '导出 Excel：与 GET /public/entries 同样的筛选，全部条目（至多 10000 项，超出则 400 EXPORT_TOO_LARGE）',
        querystring: publicEntryQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) => {
      const a = request.actor;
      const prepared = await exportPublicEntries({
        services,
        filters: request.query,
        exportedBy: a ? `${a.displayName}（${a.organizationName}）` : PUBLIC_EXPORTER,
      });
      return sendExport(request, reply, prepared);
    },
  );
  api.get(
    '/public/entries/:id',
    { config: pub, schema: { tags: ['public'], params: idParams, response: { 200: entryDetail } } },
    async (request) => {
      const r = await publicEntry({ services, id: request.params.id });
      return { ...entryOut(r.entry, r.batch.title), versions: r.versions.map((v) => entryOut(v)) };
    },
  );
  api.get(
    '/public/benchmark-cases',
    {
      config: pub,
      schema: { tags: ['public'], summary: '标杆案例清单', querystring: z.object(pageQuery), response: { 200: benchmarkCasePage } },
    },
    async (request) => {
      const r = await benchmarkCases({ services, query: request.query });
      return {
        items: r.items.map((c) => ({ ...c, promotedAt: c.promotedAt.toISOString(), promotedBy: undefined })),
        total: r.total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
