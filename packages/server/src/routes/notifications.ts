import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  markedRead,
  notificationPage,
  notificationPreferences,
  notificationPreferencesUpdate,
  type Notification,
} from '@scenebridge/contract/notifications';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor } from '../http.js';
import {
  getMyNotificationPreferences,
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationRead,
  updateMyNotificationPreferences,
} from '@scenebridge/app/notifications';

export function registerNotificationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的站内通知（新到在前）与未读数；unread=true 只看未读',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), ...pageQuery }),
        response: { 200: notificationPage },
      },
    },
    async (request) => {
      const r = await listMyNotifications({
        services,
        actor: requireActor(request),
        query: { ...request.query, unread: request.query.unread === 'true' },
      });
      // The presenter keeps Date objects (sent as ISO text by JSON); the schema takes the text itself.
      // `data` is a jsonb column: every writer stores an object, which the schema checks on the way out.
      return {
        ...r,
        items: r.items.map((n) => ({
          ...n,
          data: n.data as Notification['data'],
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );
  api.post('/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: markedRead } } }, async (request) =>
    markAllMyNotificationsRead({ services, actor: requireActor(request) }),
  );
  api.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标为已读', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await markMyNotificationRead({ services, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: '我的通知设置：本人角色可收到的每类通知，站内与邮件是否开启（未设置的按默认）',
        response: { 200: notificationPreferences },
      },
    },
    async (request) => getMyNotificationPreferences({ services, actor: requireActor(request) }),
  );
  api.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: '修改通知设置：只改所列的类别，其余不变；本人角色收不到的类别被拒绝（400）',
        body: notificationPreferencesUpdate,
        response: { 200: notificationPreferences },
      },
    },
    async (request) => updateMyNotificationPreferences({ services, actor: requireActor(request), items: request.body.items }),
  );
}
