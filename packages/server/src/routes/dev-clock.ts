import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clockNow } from '@scenebridge/contract/clock';
import type { Services } from '@scenebridge/app/context';
import { advanceClock, advanceClockInput } from '@scenebridge/app/clock';
import { requireActor } from '../http.js';

/**
 * Only on a server started with SCENEBRIDGE_TIME_TRAVEL=on (never production): the operator
 * moves the clock forward, e.g. past a 公示 period in a browser journey. Not registered otherwise.
 */
export function registerDevClockRoutes(app: FastifyInstance, services: Services) {
  if (!services.clock) return;
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/dev/clock',
    {
      schema: {
        tags: ['dev'],
        summary: '（仅开发与浏览器测试环境）运营方将系统时钟向前拨动若干小时，记入审计日志',
        body: advanceClockInput,
        response: { 200: clockNow },
      },
    },
    async (request) => advanceClock({ services, actor: requireActor(request), input: request.body }),
  );
}
