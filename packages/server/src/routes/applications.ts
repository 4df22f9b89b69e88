import { APPLICATION_STATES, applicationContentSchema, membershipDecisionSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applicationDetail, applicationPage, consortiumPartnerList, type ApplicationDetail } from '@scenebridge/contract/applications';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  createApplication,
  decideMembership,
  exportChallengeApplications,
  getApplication,
  listChallengeApplications,
  listMyApplications,
  presentApplication,
  searchConsortiumPartners,
  transitionApplication,
  updateApplicationDraft,
} from '@scenebridge/app/applications';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

// Presenters read jsonb columns as loose types; the response schema checks them on the way out.
const present = (...args: Parameters<typeof presentApplication>) => presentApplication(...args) as ApplicationDetail;
const statusFilter = z.object({ status: z.enum(APPLICATION_STATES).optional() });

export function registerApplicationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '榜单的揭榜申报（运营方：提交过的全部；发榜单位：截止后可见已提交的申报）',
        params: idParams,
        querystring: statusFilter.extend(pageQuery),
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listChallengeApplications({ services, actor, challengeId: request.params.id, query: request.query });
      return { ...r, items: r.items.map((l) => present(l, actor)) };
    },
  );
  api.get(
    '/challenges/:id/applications/export.xlsx',
    {
      schema: {
        tags: ['applications'],
        summary: '导出榜单的揭榜申报（Excel），与列表同样的可见范围',
        params: idParams,
        querystring: statusFilter,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(
        request,
        reply,
        await exportChallengeApplications({
          services,
          actor: requireActor(request),
          challengeId: request.params.id,
          status: request.query.status,
        }),
      ),
  );
  api.post(
    '/challenges/:id/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '揭榜：本单位作为牵头单位创建申报草稿（可邀请联合体成员）',
        params: idParams,
        body: applicationContentSchema,
        response: { 201: applicationDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const l = await createApplication({ services, actor, challengeId: request.params.id, input: request.body });
      return reply.status(201).send(present(l, actor));
    },
  );
  api.get(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '本单位参与的揭榜申报（牵头或联合体成员）',
        querystring: statusFilter.extend({ challengeId: z.uuid('编号格式不正确').optional(), ...pageQuery }),
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listMyApplications({ services, actor, query: request.query });
      return { ...r, items: r.items.map((l) => present(l, actor)) };
    },
  );
  api.get(
    '/consortium-partners',
    {
      schema: {
        tags: ['applications'],
        summary: '按名称或统一社会信用代码查找已审核通过的单位，作为联合体成员',
        querystring: z.object({ q: z.string().trim().min(2, '请至少输入2个字').max(100) }),
        response: { 200: consortiumPartnerList },
      },
    },
    async (request) => ({ items: await searchConsortiumPartners({ services, actor: requireActor(request), q: request.query.q }) }),
  );
  api.get(
    '/applications/:id',
    { schema: { tags: ['applications'], params: idParams, response: { 200: applicationDetail } } },
    async (request) => {
      const actor = requireActor(request);
      return present(await getApplication({ services, actor, id: request.params.id }), actor);
    },
  );
  api.patch(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: '修改申报草稿（牵头单位，截止前）',
        params: idParams,
        body: applicationContentSchema,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await updateApplicationDraft({ services, actor, id: request.params.id, input: request.body }), actor);
    },
  );
  api.post(
    '/applications/:id/transitions',
    {
      schema: {
        tags: ['applications'],
        summary: 'submit | withdraw（牵头单位，截止前）| shortlist | not_award（须填原因）（运营方）',
        params: idParams,
        body: transitionBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await transitionApplication({ services, actor, id: request.params.id, ...request.body }), actor);
    },
  );
  api.post(
    '/applications/:id/membership',
    {
      schema: {
        tags: ['applications'],
        summary: '联合体成员单位管理员确认或拒绝加入（decision: confirm | decline）',
        params: idParams,
        body: membershipDecisionSchema,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await decideMembership({ services, actor, id: request.params.id, input: request.body }), actor);
    },
  );
}
