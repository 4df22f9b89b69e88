import { CHALLENGE_STATES, challengeInputSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { challengeDetail, challengePage, type ChallengeDetail } from '@scenebridge/contract/challenges';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  createChallenge,
  exportChallenges,
  getChallenge,
  listChallengesFor,
  presentChallenge,
  transitionChallenge,
  updateChallengeContent,
} from '@scenebridge/app/challenges';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

// Presenters read text and jsonb columns as loose types; the response schema checks them on the way out.
const present = (...args: Parameters<typeof presentChallenge>) => presentChallenge(...args) as ChallengeDetail;

const listFilters = z.object({
  status: z.enum(CHALLENGE_STATES).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});

/** Editing an open challenge needs a note of what changed; a draft needs none. */
const updateBody = challengeInputSchema.extend({ changeNote: z.string().trim().max(1000).optional() });

export function registerChallengeRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/challenges',
    {
      config: { public: true },
      schema: {
        tags: ['challenges'],
        summary: '揭榜挂帅榜单列表（人人可见揭榜中及之后的榜单；机构用户另见本单位的全部榜单，运营方另见已提交审核的榜单）',
        querystring: listFilters.extend(pageQuery),
        response: { 200: challengePage },
      },
    },
    async (request) => {
      const r = await listChallengesFor({ services, actor: request.actor, query: request.query });
      return { ...r, items: r.items.map((c) => present(c, request.actor, services.now())) };
    },
  );
  api.get(
    '/challenges/export.xlsx',
    {
      schema: {
        tags: ['challenges'],
        summary: '导出揭榜挂帅榜单（Excel）：与列表同样的筛选与可见范围，全部条目',
        querystring: listFilters,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, await exportChallenges({ services, actor: requireActor(request), filters: request.query })),
  );
  api.get(
    '/challenges/:id',
    { config: { public: true }, schema: { tags: ['challenges'], params: idParams, response: { 200: challengeDetail } } },
    async (request) =>
      present(await getChallenge({ services, actor: request.actor, id: request.params.id }), request.actor, services.now()),
  );
  api.post(
    '/challenges',
    { schema: { tags: ['challenges'], summary: '发榜：创建榜单草稿', body: challengeInputSchema, response: { 201: challengeDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const c = await createChallenge({ services, actor, input: request.body });
      return reply.status(201).send(present(c, actor, services.now()));
    },
  );
  api.patch(
    '/challenges/:id',
    {
      schema: {
        tags: ['challenges'],
        summary: '修改榜单（草稿直接保存；揭榜中的榜单须填写修改说明 changeNote，并重新提交审核）',
        params: idParams,
        body: updateBody,
        response: { 200: challengeDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { changeNote, ...input } = request.body;
      return present(await updateChallengeContent({ services, actor, id: request.params.id, input, changeNote }), actor, services.now());
    },
  );
  api.post(
    '/challenges/:id/transitions',
    {
      schema: {
        tags: ['challenges'],
        summary: 'submit_for_review（发榜单位）| approve | return（须填原因）| close | terminate（须填原因）（运营方）',
        params: idParams,
        body: transitionBody,
        response: { 200: challengeDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await transitionChallenge({ services, actor, id: request.params.id, ...request.body }), actor, services.now());
    },
  );
}
