import { changePasswordSchema, DomainError, loginSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { session, type Session, type SessionUser } from '@scenebridge/contract/auth';
import { noContent } from '@scenebridge/contract/common';
import type { Actor, Services } from '@scenebridge/app/context';
import { requireActor } from '../http.js';
import { clearSessionCookie, setSessionCookie } from '../auth/plugin.js';
import { abilitiesOf, changePassword, login, logout } from '@scenebridge/app/auth';

/** The session's organisation status and kind are text columns; the response schema checks them on the way out. */
export function presentMe(actor: Actor): Session {
  type Org = SessionUser['organization'];
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      roles: actor.roles,
      organization: {
        id: actor.organizationId,
        name: actor.organizationName,
        status: actor.organizationStatus as Org['status'],
        kind: actor.organizationKind as Org['kind'],
      },
      abilities: abilitiesOf(actor),
    },
    csrfToken: actor.csrfToken,
  };
}

export function registerAuthRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginSchema, response: { 200: session } },
      config: { public: true, rateLimit: { max: services.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, actor } = await login({ services, email: request.body.email, password: request.body.password, clientIp: request.ip });
      setSessionCookie(reply, token, services);
      return presentMe(actor);
    },
  );
  api.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 204: noContent } } },
    async (request, reply) => {
      if (request.actor) await logout({ services, actor: request.actor });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  api.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户与CSRF令牌', response: { 200: session } } }, async (request) =>
    presentMe(requireActor(request)),
  );
  api.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码', body: changePasswordSchema, response: { 204: noContent } } },
    async (request, reply) => {
      try {
        await changePassword({ services, actor: requireActor(request), ...request.body });
      } catch (e) {
        if (e instanceof DomainError && e.code === 'PASSWORD_CHANGE_THROTTLED')
          reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
        throw e;
      }
      return reply.status(204).send(null);
    },
  );
}
