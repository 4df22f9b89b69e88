import { newUserSchema, ORGANIZATION_STATES, organizationRegistrationSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  organization,
  organizationPage,
  registration,
  user,
  userList,
  type Organization,
  type User,
} from '@scenebridge/contract/organizations';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor, transitionBody } from '../http.js';
import {
  createUserInOrganization,
  getOrganization,
  listOrganizationsForOperator,
  listUsersOfOrganization,
  presentOrganization,
  presentUser,
  registerOrganization,
  transitionOrganization,
} from '@scenebridge/app/organizations';

// Presenters read text columns (status, list type …) as plain strings; the response schema checks
// the real values on the way out, so narrowing the type here adds no unchecked trust.
const presentOrg = (...args: Parameters<typeof presentOrganization>) => presentOrganization(...args) as Organization;
const presentUserOf = (u: Parameters<typeof presentUser>[0]) => presentUser(u) as User;

export function registerOrganizationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/organizations/register',
    {
      schema: {
        tags: ['organizations'],
        summary: '机构注册（待运营方审核）',
        body: organizationRegistrationSchema,
        response: { 201: registration },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { organization, user } = await registerOrganization({ services, input: request.body });
      return reply.status(201).send({ organization: presentOrg(organization, null), user: presentUserOf(user) });
    },
  );
  api.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: '机构列表（运营方）',
        querystring: z.object({ status: z.enum(ORGANIZATION_STATES).optional(), q: z.string().max(100).optional(), ...pageQuery }),
        response: { 200: organizationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listOrganizationsForOperator({ services, actor, query: request.query });
      return { ...r, items: r.items.map((o) => presentOrg(o, actor)) };
    },
  );
  api.get(
    '/organizations/:id',
    { schema: { tags: ['organizations'], params: idParams, response: { 200: organization } } },
    async (request) => {
      const actor = requireActor(request);
      return presentOrg(await getOrganization({ services, actor, id: request.params.id }), actor);
    },
  );
  api.post(
    '/organizations/:id/transitions',
    {
      schema: {
        tags: ['organizations'],
        summary: '审核通过 approve / 驳回 reject（需原因）/ 重新申请 reapply',
        params: idParams,
        body: transitionBody,
        response: { 200: organization },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const org = await transitionOrganization({ services, actor, id: request.params.id, ...request.body });
      return presentOrg(org, actor);
    },
  );
  api.get(
    '/organizations/:id/users',
    { schema: { tags: ['organizations'], params: idParams, response: { 200: userList } } },
    async (request) => {
      const users = await listUsersOfOrganization({ services, actor: requireActor(request), id: request.params.id });
      return { items: users.map(presentUserOf) };
    },
  );
  api.post(
    '/organizations/:id/users',
    { schema: { tags: ['organizations'], params: idParams, body: newUserSchema, response: { 201: user } } },
    async (request, reply) => {
      const user = await createUserInOrganization({ services, actor: requireActor(request), id: request.params.id, input: request.body });
      return reply.status(201).send(presentUserOf(user));
    },
  );
}
