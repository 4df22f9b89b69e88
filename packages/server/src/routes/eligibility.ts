import { eligibilityCheckInputSchema, eligibilityOverrideInputSchema } from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eligibilityResult, recordedOverride } from '@scenebridge/contract/eligibility';
import type { Services } from '@scenebridge/app/context';
import { checkEligibilityFor, recordEligibilityOverride, type EligibilityEvaluation } from '@scenebridge/app/eligibility';
import { requireActor } from '../http.js';

const present = (r: EligibilityEvaluation) => ({
  ...r,
  asOf: r.asOf.toISOString(),
  override: r.override && { ...r.override, at: r.override.at.toISOString() },
});

export function registerEligibilityRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/eligibility/check',
    {
      schema: {
        tags: ['eligibility'],
        summary: '资格自查：按揭榜条件检查本机构（运营方可查任一机构），逐条给出是否符合及原因',
        body: eligibilityCheckInputSchema,
        response: { 200: eligibilityResult },
      },
    },
    async (request) => present(await checkEligibilityFor({ services, actor: requireActor(request), input: request.body })),
  );
  api.post(
    '/eligibility/overrides',
    {
      schema: {
        tags: ['eligibility'],
        summary: '资格审查人工复核（运营方）：准许未通过自动审查的机构参与某揭榜任务，须填写理由',
        body: eligibilityOverrideInputSchema,
        response: { 201: recordedOverride },
      },
    },
    async (request, reply) => {
      const o = await recordEligibilityOverride({ services, actor: requireActor(request), input: request.body });
      return reply.status(201).send({ ...o, at: o.at.toISOString() });
    },
  );
}
