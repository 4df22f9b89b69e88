import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DomainError } from '@scenebridge/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from '@scenebridge/app/context';
import { sendError } from './http.js';
import { securityHeaders } from './http/security-headers.js';
import { contractSerializer } from './http/serializer.js';
import { INVALID_CHARACTERS, INVALID_CHARACTERS_MESSAGE, registerInputGuard } from './http/input-guard.js';
import { registerAuth, requireSessionByDefault, SESSION_COOKIE } from './auth/plugin.js';
import { registerPortal } from './portal/index.js';
import { registerRoutes } from './routes/index.js';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger: services.config.logLevel === 'silent' ? false : { level: services.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    // Only behind a known proxy: otherwise X-Forwarded-For would let a client pick its own rate-limit key.
    trustProxy: services.config.trustProxy,
    // A path Fastify cannot decode (bad UTF-8 such as %ED%A0%80) never reaches a hook: answer it in our shape.
    frameworkErrors: (error, _request, reply) =>
      error.code === 'FST_ERR_BAD_URL'
        ? sendError(reply, 400, INVALID_CHARACTERS, INVALID_CHARACTERS_MESSAGE)
        : sendError(reply, 400, 'BAD_REQUEST', '请求格式不正确'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializer);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SceneBridge 场景桥 API',
        version: '1.0.0',
        description: 'AI应用场景创新与技术转移平台接口。错误以 {"error":{"code","message","details"}} 返回，code 为稳定的英文代码。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(helmet, securityHeaders(services.config.cookieSecure));
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: services.config.maxUploadBytes, files: 1, fields: 10 } });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError) return sendError(reply, error.status, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message }));
      return sendError(reply, 400, 'VALIDATION_FAILED', details[0]?.message ?? '请求参数有误', details);
    }
    const e = error as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 429) return sendError(reply, 429, 'RATE_LIMITED', '请求过于频繁，请稍后再试');
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(reply, 413, 'FILE_TOO_LARGE', '文件超过10MB上限');
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'BODY_TOO_LARGE', '请求内容过大');
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return sendError(reply, e.statusCode, 'BAD_REQUEST', '请求格式不正确', e.message);
    }
    request.log.error(error);
    return sendError(reply, 500, 'INTERNAL_ERROR', '服务器内部错误，请稍后重试');
  });

  registerInputGuard(app);
  await registerAuth(app, services);
  requireSessionByDefault(app);
  await app.register(async (api) => registerRoutes(api, services), { prefix: '/api/v1' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(async (p) => registerPortal(p, services));

  const webDist = services.config.webDist ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true });
  // The site root: a visitor without a session lands on the public portal (the lists, no login
  // needed); a signed-in user gets the web app. Not cached: the answer depends on the cookie.
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('vary', 'Cookie');
    if (!request.cookies[SESSION_COOKIE]) return reply.redirect('/public/', 302);
    if (!hasWeb) return sendError(reply, 404, 'NOT_FOUND', '接口不存在');
    return reply.sendFile('index.html');
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendError(reply, 404, 'NOT_FOUND', '接口不存在');
    }
    return reply.sendFile('index.html');
  });
  return app;
}
