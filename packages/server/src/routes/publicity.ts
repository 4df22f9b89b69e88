import {
  objectionDecisionSchema,
  objectionInputSchema,
  PUBLICITY_STATES,
  PUBLICITY_SUBJECT_KINDS,
  publicityCreateSchema,
} from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { objectionDto, objectionList, publicityDetail, publicityPage } from '@scenebridge/contract/publicity';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  createPublicity,
  decideObjection,
  exportObjections,
  getPublicity,
  listMyObjections,
  listObjectionsOfPublicity,
  listPublicitiesFor,
  lodgeObjection,
  objectionView,
  transitionPublicity,
} from '@scenebridge/app/publicity';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const listFilters = z.object({
  status: z.enum(PUBLICITY_STATES).optional(),
  subjectKind: z.enum(PUBLICITY_SUBJECT_KINDS).optional(),
  subjectId: z.uuid('编号格式不正确').optional(),
});

export function registerPublicityRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/publicities',
    {
      config: { public: true },
      schema: {
        tags: ['publicity'],
        summary: '公示列表（人人可见已开始的公示；运营方另见待开始与已取消的）',
        querystring: listFilters.extend(pageQuery),
        response: { 200: publicityPage },
      },
    },
    async (request) => listPublicitiesFor({ services, actor: request.actor, query: request.query }),
  );
  api.get(
    '/publicities/:id',
    {
      config: { public: true },
      schema: {
        tags: ['publicity'],
        summary: '公示详情：条目、公示期与每条的异议数量和结果（不含提出人）',
        params: idParams,
        response: { 200: publicityDetail },
      },
    },
    async (request) => getPublicity({ services, actor: request.actor, id: request.params.id }),
  );
  api.post(
    '/publicities',
    {
      schema: {
        tags: ['publicity'],
        summary:
          '发起公示（运营方）：以征集的入选项目（call_selection）或榜单的拟中榜申报（challenge_award）创建待开始的公示，默认 5 个工作日',
        body: publicityCreateSchema,
        response: { 201: publicityDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const p = await createPublicity({ services, actor, input: request.body });
      return reply.status(201).send(await getPublicity({ services, actor, id: p.id }));
    },
  );
  api.post(
    '/publicities/:id/transitions',
    {
      schema: {
        tags: ['publicity'],
        summary: 'start（开始公示，按工作日历计算截止）| cancel（取消待开始的公示，须填原因）（运营方）',
        params: idParams,
        body: transitionBody,
        response: { 200: publicityDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transitionPublicity({ services, actor, id: request.params.id, ...request.body });
      return getPublicity({ services, actor, id: request.params.id });
    },
  );
  api.get(
    '/publicities/:id/objections',
    {
      schema: {
        tags: ['publicity'],
        summary: '公示的异议：运营方看到全部（含提出人），机构用户只看到本单位提出的',
        params: idParams,
        response: { 200: objectionList },
      },
    },
    async (request) => ({ items: await listObjectionsOfPublicity({ services, actor: request.actor, publicityId: request.params.id }) }),
  );
  api.get(
    '/publicities/:id/objections/export.xlsx',
    {
      schema: {
        tags: ['publicity'],
        summary: '导出公示的全部异议（Excel，运营方，含提出单位）',
        params: idParams,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportObjections({ services, actor: request.actor, publicityId: request.params.id })),
  );
  api.post(
    '/publicities/:id/objections',
    {
      schema: {
        tags: ['publicity'],
        summary: '提出异议（已审核机构的用户，仅在公示期内，按服务器时间）',
        params: idParams,
        body: objectionInputSchema,
        response: { 201: objectionDto },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const o = await lodgeObjection({ services, actor, publicityId: request.params.id, input: request.body });
      return reply.status(201).send(await objectionView(services, o.id));
    },
  );
  api.get(
    '/publicity-objections/mine',
    { schema: { tags: ['publicity'], summary: '本单位提出的全部异议及处理结果', response: { 200: objectionList } } },
    async (request) => ({ items: await listMyObjections({ services, actor: request.actor }) }),
  );
  api.post(
    '/publicity-objections/:id/decision',
    {
      schema: {
        tags: ['publicity'],
        summary: '处理异议（运营方）：dismiss 不成立 | uphold 成立（撤销该条目），须填处理理由',
        params: idParams,
        body: objectionDecisionSchema,
        response: { 200: objectionDto },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const o = await decideObjection({ services, actor, id: request.params.id, input: request.body });
      return objectionView(services, o.id);
    },
  );
}
