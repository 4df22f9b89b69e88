import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  measuresForMe as measuresForMeJson,
  policyProfileJson,
  redemptionJson,
  redemptionList,
  redemptionRunReceipt,
} from '@scenebridge/contract/policies';
import type { Services } from '@scenebridge/app/context';
import {
  confirmPolicyProfile,
  exportMeasureRedemptions,
  getMyPolicyProfile,
  listMeasureRedemptions,
  measuresForMe,
  measuresForMeQuery,
  myRedemptions,
  policyProfileInput,
  redemptionDeclineInput,
  redemptionListQuery,
  redemptionRedeemInput,
  runRedemption,
  stepRedemption,
  updateMyPolicyProfile,
} from '@scenebridge/app/policy-hub';
import { idParams, requireActor } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';

const TAGS = ['policies'];
const measureParams = z.object({ id: z.uuid('编号格式不正确'), measureId: z.uuid('编号格式不正确') });

/** Profiles, "measures for me" and 免申即享 (docs/policies.md). */
export function registerPolicyMatchingRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/organizations/me/policy-profile',
    {
      schema: {
        tags: TAGS,
        summary: '本单位的政策画像：平台掌握的类型、地区、资质、失信核查结果，以及单位自填的人数、营收区间、研发占比、行业、成立日期',
        response: { 200: policyProfileJson },
      },
    },
    async (request) => getMyPolicyProfile({ services, actor: requireActor(request) }),
  );
  api.put(
    '/organizations/me/policy-profile',
    {
      schema: {
        tags: TAGS,
        summary: '填写或修改本单位的政策画像（机构管理员，已通过审核的单位）；修改后需运营方重新核验',
        body: policyProfileInput,
        response: { 200: policyProfileJson },
      },
    },
    async (request) => updateMyPolicyProfile({ services, actor: requireActor(request), input: request.body }),
  );
  api.post(
    '/organizations/:id/policy-profile/confirm',
    {
      schema: { tags: TAGS, summary: '核验单位的政策画像（运营方）', params: idParams, response: { 200: policyProfileJson } },
    },
    async (request) => confirmPolicyProfile({ services, actor: requireActor(request), organizationId: request.params.id }),
  );
  api.get(
    '/policies/measures/for-me',
    {
      schema: {
        tags: TAGS,
        summary: '可能适用于本单位的政策措施：逐条说明满足、不满足或无法判断（缺哪项画像信息）；默认列出满足和无法判断的',
        querystring: measuresForMeQuery,
        response: { 200: measuresForMeJson },
      },
    },
    async (request) => measuresForMe({ services, actor: requireActor(request), query: request.query }),
  );
  api.post(
    '/policies/:id/measures/:measureId/redemption-runs',
    {
      schema: {
        tags: TAGS,
        summary: '免申即享数据比对（运营方）：逐一比对已审核单位，符合条件的生成待确认记录；重复运行不会重复生成',
        params: measureParams,
        response: { 200: redemptionRunReceipt },
      },
    },
    async (request) =>
      runRedemption({ services, actor: requireActor(request), policyId: request.params.id, measureId: request.params.measureId }),
  );
  api.get(
    '/policies/:id/measures/:measureId/redemptions',
    {
      schema: {
        tags: TAGS,
        summary: '该措施的免申即享记录（运营方），可按阶段筛选',
        params: measureParams,
        querystring: redemptionListQuery,
        response: { 200: redemptionList },
      },
    },
    async (request) =>
      listMeasureRedemptions({
        services,
        actor: requireActor(request),
        policyId: request.params.id,
        measureId: request.params.measureId,
        query: request.query,
      }),
  );
  api.get(
    '/policies/:id/measures/:measureId/redemptions/export.xlsx',
    {
      schema: {
        tags: TAGS,
        summary: '导出该措施的免申即享记录（Excel，运营方）',
        params: measureParams,
        querystring: redemptionListQuery,
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(
        request,
        reply,
        await exportMeasureRedemptions({
          services,
          actor: requireActor(request),
          policyId: request.params.id,
          measureId: request.params.measureId,
          query: request.query,
        }),
      ),
  );
  api.get(
    '/policy-redemptions/mine',
    {
      schema: { tags: TAGS, summary: '本单位的免申即享记录', querystring: redemptionListQuery, response: { 200: redemptionList } },
    },
    async (request) => myRedemptions({ services, actor: requireActor(request), query: request.query }),
  );
  api.post(
    '/policy-redemptions/:id/confirm',
    { schema: { tags: TAGS, summary: '确认享受该项政策（本单位管理员）', params: idParams, response: { 200: redemptionJson } } },
    async (request) => stepRedemption({ services, actor: requireActor(request), id: request.params.id, action: 'confirm' }),
  );
  api.post(
    '/policy-redemptions/:id/decline',
    {
      schema: {
        tags: TAGS,
        summary: '谢绝该项政策（本单位管理员，需填写原因）',
        params: idParams,
        body: redemptionDeclineInput,
        response: { 200: redemptionJson },
      },
    },
    async (request) =>
      stepRedemption({ services, actor: requireActor(request), id: request.params.id, action: 'decline', reason: request.body.reason }),
  );
  api.post(
    '/policy-redemptions/:id/redeem',
    {
      schema: {
        tags: TAGS,
        summary: '兑现登记（运营方）：记录已兑现的金额（分）',
        params: idParams,
        body: redemptionRedeemInput,
        response: { 200: redemptionJson },
      },
    },
    async (request) =>
      stepRedemption({
        services,
        actor: requireActor(request),
        id: request.params.id,
        action: 'redeem',
        amountFen: request.body.amountFen,
        note: request.body.note,
      }),
  );
}
