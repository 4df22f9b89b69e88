import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { insertApplicationReviews, schema } from '@scenebridge/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeUser,
  orgUser,
  platformUser,
  tinyPng,
  uploadFile,
  type Client,
  type TestContext,
} from '../testing.js';

const T0 = new Date('2026-11-02T02:00:00Z');
/** Small, so the too-large case needs no 10 MB buffer; the multipart limit is this same setting. */
const LIMIT = 64 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** An MZ/PE header, as a Windows executable starts. */
function fakeExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'ascii');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

let ctx: TestContext;
type Logged = Awaited<ReturnType<typeof orgUser>>;
let owner: Logged;
let lead: Logged;
let leadMember: Client;
let memberB: Logged;
let outsider: Logged;
let operator: Client;
let reviewer: Awaited<ReturnType<typeof platformUser>>;
let otherReviewer: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: T0, config: { loginRateLimitPerMinute: 1000, maxUploadBytes: LIMIT } });
  owner = await orgUser(ctx);
  lead = await orgUser(ctx);
  leadMember = await login(ctx.app, (await makeUser(ctx.services, lead.org.id, ['org_member'])).email);
  memberB = await orgUser(ctx);
  outsider = await orgUser(ctx);
  operator = (await platformUser(ctx)).client;
  reviewer = await platformUser(ctx, ['reviewer']);
  otherReviewer = (await platformUser(ctx, ['reviewer'])).client;
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(() => ctx.setNow(T0));

/** An open challenge of the owner, its deadline 2 hours after T0. */
async function openChallenge(blind = false) {
  ctx.setNow(new Date(T0.getTime() - 3600_000));
  const c = await makeChallenge(ctx.services, owner.org.id, {
    status: 'open',
    input: {
      applicationDeadline: new Date(T0.getTime() + 2 * 3600_000).toISOString(),
      // The lead submits to many challenges here: room for all its open applications.
      eligibility: { maxOpenApplicationsPerOrganization: 20, excludeDishonest: true },
      ...(blind
        ? {
            reviewScheme: {
              reviewersPerItem: 2,
              blind: true,
              criteria: [
                { key: 'advancement', name: '技术先进性', weight: 30 },
                { key: 'feasibility', name: '方案可行性', weight: 30 },
                { key: 'capability', name: '实施能力', weight: 20 },
                { key: 'pricing', name: '报价合理性', weight: 20 },
              ],
            },
          }
        : {}),
    },
  });
  ctx.setNow(T0);
  return c;
}

async function draft(opts: { members?: string[]; blind?: boolean } = {}) {
  const c = await openChallenge(opts.blind);
  const res = await lead.client.post(`/api/v1/challenges/${c.id}/applications`, {
    plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现二十类缺陷的在线检测与分类。',
    teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
    quoteFen: 480_000_000,
    schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-09-30' }],
    memberOrganizationIds: opts.members ?? [],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, challenge: c };
}

const upload = (c: Client, applicationId: string, content: Buffer, name = '技术方案.pdf') =>
  uploadFile(c, `/api/v1/applications/${applicationId}/attachments`, content, name);

async function added(applicationId: string, name = '技术方案.pdf', content = PDF) {
  const res = await upload(lead.client, applicationId, content, name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; filename: string; mediaType: string; size: number };
}

async function submit(id: string) {
  const res = await lead.client.post(`/api/v1/applications/${id}/transitions`, { action: 'submit' });
  expect(res.statusCode, res.body).toBe(200);
}

/** What the database holds for the application: the stored files and the audit actions about them. */
async function stored(applicationId: string) {
  const files = await ctx.handle.db
    .select({ n: count() })
    .from(schema.applicationAttachments)
    .where(eq(schema.applicationAttachments.applicationId, applicationId));
  const events = await ctx.handle.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, 'application'), eq(schema.auditEvents.entityId, applicationId)))
    .orderBy(asc(schema.auditEvents.seq));
  return {
    files: files[0]!.n,
    events: events.filter((e) => e.action.startsWith('application.attachment_')),
  };
}

describe('adding files', () => {
  it('takes a PDF on the lead’s draft, lists it in the application and audits it', async () => {
    const { id } = await draft();
    const a = await added(id, 'C:\\fakepath\\实施方案.pdf');
    expect(a).toMatchObject({ filename: '实施方案.pdf', mediaType: 'application/pdf', size: PDF.length });
    // Another user of the lead organisation may add too; the extension follows the bytes.
    const png = await upload(leadMember, id, tinyPng(), '现场照片.pdf');
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ filename: '现场照片.png', mediaType: 'image/png' });

    const detail = (await lead.client.get(`/api/v1/applications/${id}`)).json();
    expect(detail.attachments.map((f: { filename: string }) => f.filename)).toEqual(['实施方案.pdf', '现场照片.png']);
    const { events } = await stored(id);
    expect(events.map((e) => e.action)).toEqual(['application.attachment_added', 'application.attachment_added']);
    expect(events[0]!.data).toMatchObject({ attachmentId: a.id, filename: '实施方案.pdf', size: PDF.length });
  });

  it('refuses disguised content (415), an empty file (400) and a file over the limit (413), storing nothing', async () => {
    const { id } = await draft();
    const disguised = await upload(lead.client, id, fakeExe(), 'setup.pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const text = await upload(lead.client, id, Buffer.from('这不是PDF，只是一段文字。\n', 'utf8'), '说明.pdf');
    expect(text.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const empty = await upload(lead.client, id, Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('EMPTY_FILE');
    // One byte over: the multipart reader stops at the limit, the use case never sees the file.
    const tooBig = await upload(lead.client, id, Buffer.concat([PDF, Buffer.alloc(LIMIT - PDF.length + 1, 0x20)]), 'big.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('FILE_TOO_LARGE');
    const notMultipart = await lead.client.post(`/api/v1/applications/${id}/attachments`, { file: 'JVBERi0xLjQ=' });
    expect(notMultipart.json().error.code).toBe('MULTIPART_REQUIRED');
    expect(await stored(id)).toEqual({ files: 0, events: [] });
    expect((await lead.client.get(`/api/v1/applications/${id}`)).json().attachments).toEqual([]);
  });

  it('is the lead’s alone: another organisation 404, a consortium member 403, operators 404 on a draft', async () => {
    const { id } = await draft({ members: [memberB.org.id] });
    const other = await upload(outsider.client, id, PDF);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const member = await upload(memberB.client, id, PDF);
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe('FORBIDDEN');
    expect((await upload(operator, id, PDF)).statusCode).toBe(404);
    // The check comes before the file's: an outsider learns nothing from a bad file either.
    expect((await upload(outsider.client, id, fakeExe(), 'x.pdf')).statusCode).toBe(404);
    expect(await stored(id)).toEqual({ files: 0, events: [] });
  });

  it('is refused once the application is submitted (409), and after the 20th file (409)', async () => {
    const { id } = await draft();
    const png = tinyPng();
    for (let i = 1; i <= 20; i++) expect((await upload(lead.client, id, png, `图${i}.png`)).statusCode).toBe(201);
    const extra = await upload(lead.client, id, png, '图21.png');
    expect(extra.statusCode).toBe(409);
    expect(extra.json().error.code).toBe('TOO_MANY_ATTACHMENTS');
    expect((await stored(id)).files).toBe(20);

    const { id: other } = await draft();
    await added(other);
    await submit(other);
    const late = await upload(lead.client, other, PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('APPLICATION_NOT_EDITABLE');
    expect((await stored(other)).files).toBe(1);
  });
});

describe('reading files', () => {
  it('gives the same bytes to the lead and members; the owner only once it may read the application; outsiders 404', async () => {
    const { id, challenge } = await draft({ members: [memberB.org.id] });
    const f = await added(id, '申报书.pdf');
    const url = `/api/v1/application-attachments/${f.id}`;
    const got = await lead.client.get(url);
    expect(got.statusCode).toBe(200);
    expect(Buffer.compare(got.rawPayload, PDF)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('申报书.pdf')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await memberB.client.get(url)).statusCode).toBe(200);
    for (const c of [outsider.client, owner.client, operator]) expect((await c.get(url)).statusCode).toBe(404);

    expect((await memberB.client.post(`/api/v1/applications/${id}/membership`, { decision: 'confirm' })).statusCode).toBe(200);
    await submit(id);
    expect((await operator.get(url)).statusCode).toBe(200);
    // The challenge owner reads submitted applications, and their files, once the deadline has passed.
    expect((await owner.client.get(url)).statusCode).toBe(404);
    ctx.setNow(new Date(challenge.applicationDeadline.getTime() + 1));
    const byOwner = await owner.client.get(url);
    expect(byOwner.statusCode).toBe(200);
    expect(Buffer.compare(byOwner.rawPayload, PDF)).toBe(0);
    expect((await owner.client.get(`/api/v1/applications/${id}`)).json().attachments).toHaveLength(1);
    expect((await outsider.client.get(url)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    expect((await lead.client.get('/api/v1/application-attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('gives the files to an assigned reviewer, without their names under blind review; other reviewers 404', async () => {
    for (const blind of [false, true]) {
      const { id, challenge } = await draft({ blind });
      await added(id, '团队简介.pdf');
      const second = await added(id, '报价明细.pdf');
      await submit(id);
      const url = `/api/v1/application-attachments/${second.id}`;
      expect((await reviewer.client.get(url)).statusCode).toBe(404);
      await insertApplicationReviews(ctx.handle.db, [
        { challengeId: challenge.id, applicationId: id, reviewerUserId: reviewer.user.id, status: 'assigned' },
      ]);
      const got = await reviewer.client.get(url);
      expect(got.statusCode).toBe(200);
      const name = blind ? '附件2.pdf' : '报价明细.pdf';
      expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      expect((await otherReviewer.get(url)).statusCode).toBe(404);
    }
  });
});

describe('removing files', () => {
  it('lets the lead remove a file of its draft, audited; others are refused and nothing changes', async () => {
    const { id } = await draft({ members: [memberB.org.id] });
    const f = await added(id);
    const url = `/api/v1/application-attachments/${f.id}`;
    expect((await outsider.client.delete(url)).statusCode).toBe(404);
    expect((await memberB.client.delete(url)).statusCode).toBe(403);
    expect((await operator.delete(url)).statusCode).toBe(404);
    expect((await stored(id)).files).toBe(1);

    expect((await lead.client.delete(url)).statusCode).toBe(204);
    const after = await stored(id);
    expect(after.files).toBe(0);
    expect(after.events.map((e) => [e.action, (e.data as { attachmentId: string }).attachmentId])).toEqual([
      ['application.attachment_added', f.id],
      ['application.attachment_removed', f.id],
    ]);
    expect((await lead.client.get(url)).statusCode).toBe(404);
    expect((await lead.client.delete(url)).statusCode).toBe(404);
  });

  it('refuses removal once the application is submitted (409)', async () => {
    const { id } = await draft();
    const f = await added(id);
    await submit(id);
    const res = await lead.client.delete(`/api/v1/application-attachments/${f.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('APPLICATION_NOT_EDITABLE');
    expect((await stored(id)).files).toBe(1);
  });
});
