import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context.js';
import { idParams, pageQuery, requireActor } from '../http.js';
import { listMyNotifications, markAllMyNotificationsRead, markMyNotificationRead } from '../use-cases/notifications.js';

export function registerNotificationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get('/notifications', {
    schema: { tags, summary: '我的站内通知（新到在前）与未读数；unread=true 只看未读', querystring: z.object({ unread: z.enum(['true', 'false']).optional(), ...pageQuery }) },
  }, async (request) => listMyNotifications({
    services, actor: requireActor(request), query: { ...request.query, unread: request.query.unread === 'true' },
  }));
  api.post('/notifications/read-all', { schema: { tags, summary: '全部标为已读' } }, async (request) =>
    markAllMyNotificationsRead({ services, actor: requireActor(request) }));
  api.post('/notifications/:id/read', { schema: { tags, summary: '标为已读', params: idParams } }, async (request, reply) => {
    await markMyNotificationRead({ services, actor: requireActor(request), id: request.params.id });
    return reply.status(204).send();
  });
}
