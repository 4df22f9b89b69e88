import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../context.js';
import { sendError } from '../http.js';
import { resolveSession } from '../use-cases/auth.js';
import { sameToken } from './tokens.js';

export const SESSION_COOKIE = 'sb_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerAuth(app: FastifyInstance, services: Services) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = null;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await resolveSession({ services, token });
    if (!request.actor) {
      clearSessionCookie(reply);
      return;
    }
    // Double-submit: a cross-site page can send our cookie but cannot read the token.
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.actor.csrfToken)) {
        return sendError(reply, 403, 'CSRF_INVALID', '页面已过期或请求来源不可信，请刷新页面后重试');
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, services: Services) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: services.config.cookieSecure,
    maxAge: Math.floor(services.config.sessionTtlMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
