import {
  CALL_STATE_LABELS,
  LIST_TYPE_LABELS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_STATE_LABELS,
  REGIONS,
  regionFullName,
  ROLE_LABELS,
  SECTORS,
  SUBMISSION_STATE_LABELS,
  TECH_FIELDS,
} from '@scenebridge/domain';
import { meta as metaSchema } from '@scenebridge/contract/meta';
import type { FastifyInstance } from 'fastify';

const toList = (labels: Record<string, string>) => Object.entries(labels).map(([code, name]) => ({ code, name }));

export function registerMetaRoutes(api: FastifyInstance) {
  const meta = {
    sectors: SECTORS.map(({ code, name }) => ({ code, name })),
    techFields: TECH_FIELDS.map(({ code, name }) => ({ code, name })),
    regions: REGIONS.map((r) => ({ code: r.code, name: r.name, fullName: regionFullName(r.code) })),
    organizationKinds: toList(ORGANIZATION_KIND_LABELS),
    roles: toList(ROLE_LABELS),
    labels: {
      callStates: CALL_STATE_LABELS,
      submissionStates: SUBMISSION_STATE_LABELS,
      organizationStates: ORGANIZATION_STATE_LABELS,
      listTypes: LIST_TYPE_LABELS,
    },
  };
  api.get(
    '/meta',
    {
      config: { public: true },
      schema: { tags: ['reference'], summary: '代码表：领域、技术领域、行政区划、机构类型、角色、状态名称', response: { 200: metaSchema } },
    },
    async () => meta,
  );
}
