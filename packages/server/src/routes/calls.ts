import { CALL_STATES, callInputSchema, LIST_TYPES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { callDetail, callPage, type CallDetail } from '@scenebridge/contract/calls';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import { createCall, getCall, listCallsFor, presentCall, transitionCall, updateCallDetails } from '@scenebridge/app/calls';

// Presenters read text columns (status, list type …) as plain strings; the response schema checks
// the real values on the way out, so narrowing the type here adds no unchecked trust.
const present = (...args: Parameters<typeof presentCall>) => presentCall(...args) as CallDetail;

export function registerCallRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/calls',
    {
      config: { public: true },
      schema: {
        tags: ['calls'],
        summary: '征集列表（匿名与机构用户只看到已开放及之后的征集）',
        querystring: z.object({ status: z.enum(CALL_STATES).optional(), listType: z.enum(LIST_TYPES).optional(), ...pageQuery }),
        response: { 200: callPage },
      },
    },
    async (request) => {
      const r = await listCallsFor({ services, actor: request.actor, query: request.query });
      return { ...r, items: r.items.map((c) => present(c, request.actor, services.now())) };
    },
  );
  api.get(
    '/calls/:id',
    { config: { public: true }, schema: { tags: ['calls'], params: idParams, response: { 200: callDetail } } },
    async (request) => present(await getCall({ services, actor: request.actor, id: request.params.id }), request.actor, services.now()),
  );
  api.post(
    '/calls',
    { schema: { tags: ['calls'], summary: '创建征集（草稿）', body: callInputSchema, response: { 201: callDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const call = await createCall({ services, actor, input: request.body });
      return reply.status(201).send(present(call, actor, services.now()));
    },
  );
  api.patch(
    '/calls/:id',
    { schema: { tags: ['calls'], params: idParams, body: callInputSchema, response: { 200: callDetail } } },
    async (request) => {
      const actor = requireActor(request);
      return present(await updateCallDetails({ services, actor, id: request.params.id, input: request.body }), actor, services.now());
    },
  );
  api.post(
    '/calls/:id/transitions',
    {
      schema: {
        tags: ['calls'],
        summary: 'schedule | unschedule | open | close | start_review | publish_results | cancel',
        params: idParams,
        body: transitionBody,
        response: { 200: callDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await transitionCall({ services, actor, id: request.params.id, ...request.body }), actor, services.now());
    },
  );
}
