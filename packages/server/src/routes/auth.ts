import { changePasswordSchema, DomainError, loginSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Services } from '../context.js';
import { requireActor } from '../http.js';
import { clearSessionCookie, setSessionCookie } from '../auth/plugin.js';
import { changePassword, login, logout } from '../use-cases/auth.js';

export function presentMe(actor: Actor) {
  return {
    user: {
      id: actor.userId, email: actor.email, displayName: actor.displayName, roles: actor.roles,
      organization: { id: actor.organizationId, name: actor.organizationName, status: actor.organizationStatus, kind: actor.organizationKind },
    },
    csrfToken: actor.csrfToken,
  };
}

export function registerAuthRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/auth/login', {
    schema: { tags: ['auth'], summary: '登录', body: loginSchema },
    config: { public: true, rateLimit: { max: services.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { token, actor } = await login({ services, email: request.body.email, password: request.body.password, clientIp: request.ip });
    setSessionCookie(reply, token, services);
    return presentMe(actor);
  });
  api.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    if (request.actor) await logout({ services, actor: request.actor });
    clearSessionCookie(reply);
    return reply.status(204).send();
  });
  api.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户与CSRF令牌' } }, async (request) => presentMe(requireActor(request)));
  api.post('/auth/password', { schema: { tags: ['auth'], summary: '修改密码', body: changePasswordSchema } }, async (request, reply) => {
    try {
      await changePassword({ services, actor: requireActor(request), ...request.body });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'PASSWORD_CHANGE_THROTTLED') reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw e;
    }
    return reply.status(204).send();
  });
}
