import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { challengeResultList, challengeWinnerList } from '@scenebridge/contract/challenge-awards';
import type { Services } from '@scenebridge/app/context';
import { listChallengeWinners, publicChallengeResults } from '@scenebridge/app/awards';
import { idParams } from '../http.js';

/** A challenge's winners, and the public 揭榜结果 (the task agreements themselves are award-delivery.ts). */
export function registerAwardRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/challenges/:id/awards',
    {
      config: { public: true },
      schema: {
        tags: ['awards'],
        summary: '榜单的中榜单位：看得到榜单即看得到中榜单位、金额、任务书编号与状态；里程碑仅发榜单位、中榜单位与运营方可见',
        params: idParams,
        response: { 200: challengeWinnerList },
      },
    },
    async (request) => listChallengeWinners({ services, actor: request.actor, challengeId: request.params.id }),
  );
  api.get(
    '/public/challenge-results',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '揭榜结果（公开）：已中榜与实施中的榜单及其中榜单位，已完成的榜单',
        response: { 200: challengeResultList },
      },
    },
    async () => publicChallengeResults({ services }),
  );
}
