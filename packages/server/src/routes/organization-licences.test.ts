/**
 * The business licence (营业执照) an organisation sends for its review: who may upload, list and
 * download it, which files are refused (by their first bytes and their size), and the audit entry.
 */
import { randomBytes } from 'node:crypto';
import { schema } from '@scenebridge/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeUser,
  orgUser,
  platformUser,
  randomCreditCode,
  TEST_PASSWORD,
  uploadFile,
  type Client,
  type TestContext,
} from '../testing.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64), Buffer.from([0xff, 0xd9])]);
/** An MZ/PE header, as a Windows executable starts. */
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(254)]);
/** A ZIP (what a .docx is): not a licence type, whatever its name. */
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(60)]);

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const licencesUrl = (orgId: string) => `/api/v1/organizations/${orgId}/licences`;
const upload = (c: Client, orgId: string, content: Buffer, filename = '营业执照.pdf') =>
  uploadFile(c, licencesUrl(orgId), content, filename);

async function storedLicences(orgId: string) {
  return ctx.handle.db.select().from(schema.organizationLicences).where(eq(schema.organizationLicences.organizationId, orgId));
}
async function uploadEvents(orgId: string) {
  return ctx.handle.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityId, orgId), eq(schema.auditEvents.action, 'organization.licence_uploaded')));
}

/** An organisation registered through the API, its admin signed in as the web app does right after. */
async function registered() {
  const email = `licence-${randomBytes(4).toString('hex')}@test.example.cn`;
  const res = await anonymous(ctx.app).post('/api/v1/organizations/register', {
    name: `执照测试机构${randomBytes(3).toString('hex')}`,
    creditCode: randomCreditCode(),
    kind: 'private_enterprise',
    regionCode: '500106',
    contactName: '李经理',
    contactPhone: '13700137000',
    admin: { email, displayName: '李经理', password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(201);
  const { organization, user } = res.json() as { organization: { id: string }; user: { id: string } };
  return { orgId: organization.id, userId: user.id, admin: await login(ctx.app, email) };
}

describe('upload by the registering organisation', () => {
  it('takes PDF, JPG and PNG from the admin while pending, names them by content, and writes an audit entry for each', async () => {
    const { orgId, userId, admin } = await registered();
    const cases: [string, Buffer, string, string][] = [
      ['营业执照.pdf', PDF, 'application/pdf', '营业执照.pdf'],
      ['执照扫描.png', JPEG, 'image/jpeg', '执照扫描.jpg'],
      ['C:\\fakepath\\执照照片', PNG, 'image/png', '执照照片.png'],
    ];
    const ids: string[] = [];
    for (const [name, content, mediaType, filename] of cases) {
      const res = await upload(admin, orgId, content, name);
      expect(res.statusCode, name).toBe(201);
      expect(res.json()).toMatchObject({ filename, mediaType, size: content.length });
      ids.push(res.json().id as string);
    }

    const events = await uploadEvents(orgId);
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.actorUserId).toBe(userId);
      expect(e.entityType).toBe('organization');
    }
    expect(events.map((e) => (e.data as { licenceId: string }).licenceId).sort()).toEqual([...ids].sort());
    const first = events.find((e) => (e.data as { licenceId: string }).licenceId === ids[0])!;
    expect(first.data).toMatchObject({ filename: '营业执照.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect((first.data as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the admin send a new one after a rejection, and none once approved (409 LICENCE_LOCKED)', async () => {
    const { orgId, admin } = await registered();
    expect((await upload(admin, orgId, PDF)).statusCode).toBe(201);
    expect(
      (await operator.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'reject', reason: '营业执照不清晰' })).statusCode,
    ).toBe(200);
    expect((await upload(admin, orgId, PNG, '清晰版.png')).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'reapply' })).statusCode).toBe(200);
    expect((await operator.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'approve' })).statusCode).toBe(200);

    const late = await upload(admin, orgId, PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('LICENCE_LOCKED');
    expect(await storedLicences(orgId)).toHaveLength(2);
    expect(await uploadEvents(orgId)).toHaveLength(2);
  });
});

describe('who may upload, list and download', () => {
  it('own admin and the operator read the list and the file; a member reads but may not upload; other organisations get 404; anonymous 401', async () => {
    const { orgId, admin } = await registered();
    const member = await login(ctx.app, (await makeUser(ctx.services, orgId, ['org_member'])).email);
    const other = await orgUser(ctx); // admin of another, approved organisation
    const otherPending = await registered(); // admin of another organisation under review
    const anon = anonymous(ctx.app);

    const up = await upload(admin, orgId, PDF);
    expect(up.statusCode).toBe(201);
    const licenceId = up.json().id as string;
    const fileUrl = `${licencesUrl(orgId)}/${licenceId}`;

    for (const [who, c] of [
      ['admin', admin],
      ['member', member],
      ['operator', operator],
    ] as const) {
      const list = await c.get(licencesUrl(orgId));
      expect(list.statusCode, who).toBe(200);
      expect(list.json().items.map((l: { id: string }) => l.id)).toEqual([licenceId]);
      const file = await c.get(fileUrl);
      expect(file.statusCode, who).toBe(200);
      expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }

    // The organisation's page and the operator's list show the newest file.
    const detail = (await admin.get(`/api/v1/organizations/${orgId}`)).json();
    expect(detail.licence).toMatchObject({ id: licenceId, filename: '营业执照.pdf', mediaType: 'application/pdf', size: PDF.length });
    const listed = (await operator.get(`/api/v1/organizations?status=pending&pageSize=100`)).json().items as {
      id: string;
      licence: unknown;
    }[];
    expect(listed.find((o) => o.id === orgId)?.licence).toMatchObject({ id: licenceId });
    expect(listed.find((o) => o.id === otherPending.orgId)?.licence).toBeNull();

    for (const c of [other.client, otherPending.admin]) {
      for (const res of [await c.get(licencesUrl(orgId)), await c.get(fileUrl), await upload(c, orgId, PDF)]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    // Another organisation's file through one's own organisation: still 404.
    const crossed = await otherPending.admin.get(`${licencesUrl(otherPending.orgId)}/${licenceId}`);
    expect(crossed.statusCode).toBe(404);

    for (const res of [await anon.get(licencesUrl(orgId)), await anon.get(fileUrl), await upload(anon, orgId, PDF)]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }

    const byMember = await upload(member, orgId, PDF);
    expect(byMember.statusCode).toBe(403);
    const byOperator = await upload(operator, orgId, PDF);
    expect(byOperator.statusCode).toBe(403);

    expect((await storedLicences(orgId)).map((l) => l.id)).toEqual([licenceId]);
    expect(await uploadEvents(orgId)).toHaveLength(1);
  });
});

describe('refused files', () => {
  it('refuses content that is not PDF, JPG or PNG (415), whatever the name, storing nothing and recording nothing', async () => {
    const { orgId, admin } = await registered();
    const cases: [string, Buffer][] = [
      ['营业执照.pdf', EXE],
      ['营业执照.pdf', ZIP],
      ['营业执照.jpg', Buffer.from('这不是图片，只是一段文字。\n', 'utf8')],
      ['营业执照.png', Buffer.from([0x89, 0x50, 0x4e])], // the start of a PNG signature, no more
      // Large, with the wrong first bytes: refused on the head.
      ['扫描件.pdf', Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(2 * 1024 * 1024, 0x20)])],
    ];
    for (const [name, content] of cases) {
      const res = await upload(admin, orgId, content, name);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    }
    expect(await storedLicences(orgId)).toEqual([]);
    expect(await uploadEvents(orgId)).toEqual([]);
  });

  it('refuses a file over 10 MB (413) and an empty one (400), and a request without a file', async () => {
    const { orgId, admin } = await registered();
    const limit = ctx.services.config.maxUploadBytes;
    const exact = Buffer.concat([PDF, Buffer.alloc(limit - PDF.length, 0x20)]);
    const over = Buffer.concat([exact, Buffer.from(' ')]);

    const tooBig = await upload(admin, orgId, over);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('FILE_TOO_LARGE');
    const empty = await upload(admin, orgId, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('EMPTY_FILE');
    const json = await admin.post(licencesUrl(orgId), { file: 'JVBERi0xLjQ=' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('MULTIPART_REQUIRED');
    expect(await storedLicences(orgId)).toEqual([]);
    expect(await uploadEvents(orgId)).toEqual([]);

    const ok = await upload(admin, orgId, exact);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().size).toBe(limit);
  });
});
