import { newUserSchema, ORGANIZATION_STATES, organizationRegistrationSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.js';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import {
  createUserInOrganization, getOrganization, listOrganizationsForOperator, listUsersOfOrganization, presentOrganization,
  presentUser, registerOrganization, transitionOrganization,
} from '../use-cases/organizations.js';

export function registerOrganizationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/organizations/register', {
    schema: { tags: ['organizations'], summary: '机构注册（待运营方审核）', body: organizationRegistrationSchema },
    config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { organization, user } = await registerOrganization({ services, input: request.body });
    return reply.status(201).send({ organization: presentOrganization(organization, null), user: presentUser(user) });
  });
  api.get('/organizations', {
    schema: {
      tags: ['organizations'], summary: '机构列表（运营方）',
      querystring: z.object({ status: z.enum(ORGANIZATION_STATES).optional(), q: z.string().max(100).optional(), ...pageQuery }),
    },
  }, async (request) => {
    const actor = requireActor(request);
    const r = await listOrganizationsForOperator({ services, actor, query: request.query });
    return { ...r, items: r.items.map((o) => presentOrganization(o, actor)) };
  });
  api.get('/organizations/:id', { schema: { tags: ['organizations'], params: idParams } }, async (request) => {
    const actor = requireActor(request);
    return presentOrganization(await getOrganization({ services, actor, id: request.params.id }), actor);
  });
  api.post('/organizations/:id/transitions', {
    schema: { tags: ['organizations'], summary: '审核通过 approve / 驳回 reject（需原因）/ 重新申请 reapply', params: idParams, body: transitionBody },
  }, async (request) => {
    const actor = requireActor(request);
    const org = await transitionOrganization({ services, actor, id: request.params.id, ...request.body });
    return presentOrganization(org, actor);
  });
  api.get('/organizations/:id/users', { schema: { tags: ['organizations'], params: idParams } }, async (request) => {
    const users = await listUsersOfOrganization({ services, actor: requireActor(request), id: request.params.id });
    return { items: users.map(presentUser) };
  });
  api.post('/organizations/:id/users', { schema: { tags: ['organizations'], params: idParams, body: newUserSchema } }, async (request, reply) => {
    const user = await createUserInOrganization({ services, actor: requireActor(request), id: request.params.id, input: request.body });
    return reply.status(201).send(presentUser(user));
  });
}
