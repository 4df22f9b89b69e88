import type { MultipartFile } from '@fastify/multipart';
import {
  dishonestyFlagInputSchema,
  DomainError,
  newUserSchema,
  ORGANIZATION_STATES,
  organizationRegistrationSchema,
  qualificationInputSchema,
} from '@scenebridge/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  dishonestyFlag,
  organization,
  organizationProfile,
  organizationQualification,
  organizationLicence,
  organizationLicenceList,
  organizationPage,
  registration,
  user,
  userList,
  type Organization,
  type User,
} from '@scenebridge/contract/organizations';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor, sendError, transitionBody } from '../http.js';
import { sendExport, xlsxExportFile } from '../xlsx-download.js';
import {
  addOrganizationQualification,
  getOrganizationProfile,
  removeOrganizationQualification,
  setOrganizationDishonestyFlag,
  createUserInOrganization,
  downloadOrganizationLicence,
  exportOrganizations,
  getOrganization,
  LICENCE_TYPES_LABEL,
  listOrganizationLicencesFor,
  listOrganizationsForOperator,
  listUsersOfOrganization,
  presentLicence,
  presentOrganization,
  presentUser,
  registerOrganization,
  transitionOrganization,
  uploadOrganizationLicence,
} from '@scenebridge/app/organizations';

// Presenters read text columns (status, list type …) as plain strings; the response schema checks
// the real values on the way out, so narrowing the type here adds no unchecked trust.
const presentOrg = (...args: Parameters<typeof presentOrganization>) => presentOrganization(...args) as Organization;
const presentUserOf = (u: Parameters<typeof presentUser>[0]) => presentUser(u) as User;

/** Bytes of the stored licence with its own media type: Fastify sends a Buffer without the response serialiser. */
const licenceBytes = {
  description: '营业执照文件（原媒体类型：PDF、JPG 或 PNG）',
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
};
const qualificationParams = z.object({ id: z.uuid('编号格式不正确'), qualificationId: z.uuid('编号格式不正确') });
const licenceParams = z.object({ id: z.uuid('编号格式不正确'), licenceId: z.uuid('编号格式不正确') });

/**
 * The uploaded file's chunks as they arrive. The multipart limit cuts a file at maxUploadBytes
 * and marks it truncated: that is a file too large, not a complete one. Leaving early (a refused
 * file) does not destroy the stream, so the caller can drain what is left.
 */
async function* chunksOf(file: MultipartFile, maxBytes: number): AsyncGenerator<Buffer> {
  for await (const chunk of file.file.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
  if (file.file.truncated) throw new DomainError('FILE_TOO_LARGE', `文件超过${Math.round(maxBytes / 1024 / 1024)}MB上限`, 413);
}

export function registerOrganizationRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/organizations/register',
    {
      schema: {
        tags: ['organizations'],
        summary: '机构注册（待运营方审核）',
        body: organizationRegistrationSchema,
        response: { 201: registration },
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { organization, user } = await registerOrganization({ services, input: request.body });
      return reply.status(201).send({ organization: presentOrg(organization, null), user: presentUserOf(user) });
    },
  );
  api.get(
    '/organizations/export.xlsx',
    {
      schema: {
        tags: ['organizations'],
        summary: '导出机构名录（Excel，运营方）：与列表同样的筛选，全部条目',
        querystring: z.object({ status: z.enum(ORGANIZATION_STATES).optional(), q: z.string().max(100).optional() }),
        response: { 200: xlsxExportFile },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, exportOrganizations({ services, actor: requireActor(request), filters: request.query })),
  );

  api.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: '机构列表（运营方）',
        querystring: z.object({ status: z.enum(ORGANIZATION_STATES).optional(), q: z.string().max(100).optional(), ...pageQuery }),
        response: { 200: organizationPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await listOrganizationsForOperator({ services, actor, query: request.query });
      return { ...r, items: r.items.map((o) => presentOrg(o, actor)) };
    },
  );
  api.get(
    '/organizations/:id',
    { schema: { tags: ['organizations'], params: idParams, response: { 200: organization } } },
    async (request) => {
      const actor = requireActor(request);
      return presentOrg(await getOrganization({ services, actor, id: request.params.id }), actor);
    },
  );
  api.post(
    '/organizations/:id/transitions',
    {
      schema: {
        tags: ['organizations'],
        summary: '审核通过 approve / 驳回 reject（需原因）/ 重新申请 reapply',
        params: idParams,
        body: transitionBody,
        response: { 200: organization },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const org = await transitionOrganization({ services, actor, id: request.params.id, ...request.body });
      return presentOrg(org, actor);
    },
  );
  api.get(
    '/organizations/:id/users',
    { schema: { tags: ['organizations'], params: idParams, response: { 200: userList } } },
    async (request) => {
      const users = await listUsersOfOrganization({ services, actor: requireActor(request), id: request.params.id });
      return { items: users.map(presentUserOf) };
    },
  );
  api.post(
    '/organizations/:id/users',
    { schema: { tags: ['organizations'], params: idParams, body: newUserSchema, response: { 201: user } } },
    async (request, reply) => {
      const user = await createUserInOrganization({ services, actor: requireActor(request), id: request.params.id, input: request.body });
      return reply.status(201).send(presentUserOf(user));
    },
  );
  api.post(
    '/organizations/:id/licences',
    {
      schema: {
        tags: ['organizations'],
        summary: `上传营业执照（multipart 字段 file；${LICENCE_TYPES_LABEL}，按文件开头的内容识别，≤10MB；本机构管理员，待审核或未通过时）`,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: organizationLicence },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) return sendError(reply, 400, 'MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件');
      const file = await request.file();
      if (!file) return sendError(reply, 400, 'FILE_REQUIRED', '请选择文件');
      try {
        const meta = await uploadOrganizationLicence({
          services,
          actor,
          organizationId: request.params.id,
          filename: file.filename,
          source: chunksOf(file, services.config.maxUploadBytes),
        });
        return reply.status(201).send(presentLicence(meta) as z.infer<typeof organizationLicence>);
      } finally {
        // A refused file's remaining bytes are read to nowhere (the multipart limit bounds them), so the request ends.
        if (!file.file.readableEnded) file.file.resume();
      }
    },
  );
  api.get(
    '/organizations/:id/licences',
    {
      schema: {
        tags: ['organizations'],
        summary: '营业执照文件列表（运营方与本机构用户），最新的在前',
        params: idParams,
        response: { 200: organizationLicenceList },
      },
    },
    async (request) => {
      const items = await listOrganizationLicencesFor({ services, actor: requireActor(request), organizationId: request.params.id });
      return { items: items.map((l) => presentLicence(l) as z.infer<typeof organizationLicence>) };
    },
  );
  api.get(
    '/organizations/:id/licences/:licenceId',
    { schema: { tags: ['organizations'], summary: '下载营业执照文件', params: licenceParams, response: { 200: licenceBytes } } },
    async (request, reply) => {
      const { meta, content } = await downloadOrganizationLicence({
        services,
        actor: requireActor(request),
        organizationId: request.params.id,
        licenceId: request.params.licenceId,
      });
      return reply
        .header('content-type', meta.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
  // The profile eligibility screening reads: qualifications and the 失信 flag (operator edits, the organisation sees).
  api.get(
    '/organizations/:id/profile',
    {
      schema: {
        tags: ['organizations'],
        summary: '机构资质与失信标记（运营方与本机构用户）',
        params: idParams,
        response: { 200: organizationProfile },
      },
    },
    async (request) => getOrganizationProfile({ services, actor: requireActor(request), id: request.params.id }),
  );
  api.post(
    '/organizations/:id/qualifications',
    {
      schema: {
        tags: ['organizations'],
        summary: '登记机构资质（运营方核验证书后）：资质类型、证书编号、有效期至',
        params: idParams,
        body: qualificationInputSchema,
        response: { 201: organizationQualification },
      },
    },
    async (request, reply) => {
      const q = await addOrganizationQualification({
        services,
        actor: requireActor(request),
        organizationId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(q);
    },
  );
  api.delete(
    '/organizations/:id/qualifications/:qualificationId',
    {
      schema: { tags: ['organizations'], summary: '删除机构资质记录（运营方）', params: qualificationParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeOrganizationQualification({
        services,
        actor: requireActor(request),
        organizationId: request.params.id,
        qualificationId: request.params.qualificationId,
      });
      return reply.status(204).send(null);
    },
  );
  api.put(
    '/organizations/:id/dishonesty',
    {
      schema: {
        tags: ['organizations'],
        summary: '设置或解除失信标记（运营方，须填写来源与原因）',
        params: idParams,
        body: dishonestyFlagInputSchema,
        response: { 200: dishonestyFlag },
      },
    },
    async (request) =>
      setOrganizationDishonestyFlag({ services, actor: requireActor(request), organizationId: request.params.id, input: request.body }),
  );
}
