import { BUDGET_BAND_CODES, LIST_TYPES, MATURITY_BAND_CODES, SECTOR_CODES, SUBMISSION_STATES, TECH_FIELD_CODES } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { classification, listing, searchResult, type Listing } from '@scenebridge/contract/search';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor } from '../http.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { getListing } from '@scenebridge/app/search';
import { classifyText } from '@scenebridge/app/search';
import { searchListings } from '@scenebridge/app/search';

/** `?sector=a&sector=b`, `?sector=a,b` and `?sector=a` all read as a list. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const list = Array.isArray(v) ? v : [v];
    return list
      .flatMap((x) => String(x).split(','))
      .map((x) => x.trim())
      .filter(Boolean);
  }, z.array(item).max(50).optional());

export const searchQuerySchema = z.object({
  q: z.string().trim().max(200, '检索词不能超过200个字').optional(),
  listType: many(z.enum(LIST_TYPES)),
  sector: many(z.enum(SECTOR_CODES)),
  techField: many(z.enum(TECH_FIELD_CODES)),
  region: many(z.string().regex(/^\d{6}$/, '行政区划代码为6位数字')),
  status: many(z.enum(SUBMISSION_STATES)),
  batch: many(z.uuid()),
  budget: many(z.enum(BUDGET_BAND_CODES)),
  maturity: many(z.enum(MATURITY_BAND_CODES)),
  sort: z.enum(['relevance', 'newest', 'deadline']).default('relevance'),
  snapshot: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,40}$/)
    .optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export function registerSearchRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/search',
    {
      config: { public: true, ...heavyRateLimit(services.config, 'search') },
      schema: {
        tags: ['search'],
        summary: '检索场景需求与能力：中文分词、同义词、近似匹配；分面计数；相关度/最新/截止时间排序；snapshot 令牌保证翻页稳定',
        querystring: searchQuerySchema,
        response: { 200: searchResult },
      },
    },
    async (request) => searchListings({ services, actor: request.actor, params: request.query }),
  );

  api.get(
    '/listings/:id',
    {
      config: { public: true },
      schema: {
        tags: ['search'],
        summary: '清单条目详情（已发布的对所有人可见；未发布的仅本机构、运营方和经纪人可见）',
        params: idParams,
        response: { 200: listing },
      },
    },
    async (request) =>
      // The stored list type and openness are typed loosely by the use case; the reply schema checks them.
      (await getListing({ services, actor: request.actor, id: request.params.id })) as Listing,
  );

  api.post(
    '/classify',
    {
      config: heavyRateLimit(services.config, 'classify'),
      schema: {
        tags: ['search'],
        summary: '根据名称和描述建议所属领域与技术领域（含置信度）',
        body: z.object({ title: z.string().trim().max(200).default(''), description: z.string().trim().max(5000).default('') }),
        response: { 200: classification },
      },
    },
    async (request) => {
      requireActor(request);
      return classifyText(`${request.body.title}。${request.body.description}`);
    },
  );
}
