import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { measureSearchResult } from '@scenebridge/contract/policies';
import type { Services } from '@scenebridge/app/context';
import { measureSearchQuery, searchPolicyMeasures } from '@scenebridge/app/policy-hub';
import { heavyRateLimit } from '../http/rate-limits.js';

/** 政策措施检索 (docs/policies.md): the published measures, searched like the listings. */
export function registerPolicySearchRoutes(app: FastifyInstance, services: Services) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/policies/measures/search',
    {
      config: { public: true, ...heavyRateLimit(services.config, 'search') },
      schema: {
        tags: ['policies'],
        summary: '检索已发布政策的措施（标题和正文，中文分词与同义词），按相关度排序，摘要中标出命中的词',
        querystring: measureSearchQuery,
        response: { 200: measureSearchResult },
      },
    },
    async (request) => searchPolicyMeasures({ services, query: request.query }),
  );
}
