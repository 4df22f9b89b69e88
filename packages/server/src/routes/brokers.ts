import { brokerProfileSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { brokerList, brokerProfile, brokerWorkspace, suggestedMatchList } from '@scenebridge/contract/brokers';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import {
  brokerWorkspace as workspaceOf,
  getBrokerProfile,
  listBrokersFor,
  suggestedMatches,
  updateBrokerProfile,
} from '@scenebridge/app/brokers';
import { requireActor } from '../http.js';

const TAGS = ['brokers'];
const userParams = z.object({ userId: z.uuid('编号格式不正确') });

/** 技术经理人 workspace (docs/deals.md): profile, caseload and follow-ups, suggested matches; the broker list for operators. */
export function registerBrokerRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/brokers',
    { schema: { tags: TAGS, summary: '技术经理人名单（运营方，指派用）：擅长领域与在办项目数', response: { 200: brokerList } } },
    async (request) => listBrokersFor({ services, actor: requireActor(request) }),
  );
  api.get(
    '/brokers/me/profile',
    { schema: { tags: TAGS, summary: '我的技术经理人资料', response: { 200: brokerProfile } } },
    async (request) => getBrokerProfile({ services, actor: requireActor(request) }),
  );
  api.put(
    '/brokers/me/profile',
    {
      schema: {
        tags: TAGS,
        summary: '修改我的技术经理人资料：擅长技术领域（分类代码）与证书编号',
        body: brokerProfileSchema,
        response: { 200: brokerProfile },
      },
    },
    async (request) => updateBrokerProfile({ services, actor: requireActor(request), input: request.body }),
  );
  api.get(
    '/brokers/me/workspace',
    {
      schema: {
        tags: TAGS,
        summary: '技术经理人工作台：在办项目、今日与逾期跟进、休眠项目、转化情况',
        response: { 200: brokerWorkspace },
      },
    },
    async (request) => workspaceOf({ services, actor: requireActor(request) }),
  );
  api.get(
    '/brokers/me/suggested-matches',
    {
      schema: {
        tags: TAGS,
        summary: '推荐对接：高分且尚无对接项目的需求与能力（技术经理人与运营方）',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
        response: { 200: suggestedMatchList },
      },
    },
    async (request) => suggestedMatches({ services, actor: requireActor(request), limit: request.query.limit }),
  );
  api.get(
    '/brokers/:userId/profile',
    { schema: { tags: TAGS, summary: '某位技术经理人的资料（运营方）', params: userParams, response: { 200: brokerProfile } } },
    async (request) => getBrokerProfile({ services, actor: requireActor(request), userId: request.params.userId }),
  );
}
