import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '@scenebridge/app/context';
import { sendError } from '../http.js';
import { resolveSessionCached, SessionCache } from '@scenebridge/app/auth';
import { sameToken } from '@scenebridge/app/auth';

export const SESSION_COOKIE = 'sb_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerAuth(app: FastifyInstance, services: Services, sessions = new SessionCache()) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = null;
    if (!request.url.startsWith('/api/')) return;
    // Authorised by a signed token in the URL alone: the cookie is not read, so no CSRF check applies.
    if (request.routeOptions.config.signedLink) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await resolveSessionCached(sessions, services, token);
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
  // Any unsafe API request may have ended or changed sessions (logout, password change, a user
  // or organisation changed): empty the session cache once its work is done, before the client
  // hears the answer, so this process never serves what it has itself just changed.
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/')) sessions.clear();
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes open to anonymous callers say so; every other API route needs a session. */
    public?: boolean;
    /** Public routes authorised by a signed link (one-click unsubscribe): the session cookie is ignored. */
    signedLink?: boolean;
  }
}

/** Runs before body validation, so an anonymous caller learns nothing about the schema. */
export function requireSessionByDefault(app: FastifyInstance) {
  app.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.public || request.actor) return;
    return sendError(reply, 401, 'UNAUTHENTICATED', '请先登录');
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, services: Services) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.cookieSecure,
    maxAge: Math.floor(services.config.sessionTtlMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
