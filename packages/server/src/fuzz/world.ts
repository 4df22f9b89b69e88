/**
 * The data the fuzzer aims at: an approved organisation with its admin, an operator, a reviewer,
 * and objects in most states (drafts, submitted items with attachments, a call in review with
 * assignments, a published batch, a benchmark case, a published capability, a subscription,
 * vocabulary), so that generated requests with real ids reach the use cases.
 */
import { sql } from 'drizzle-orm';
import { buildWorkbook, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';
import { signUnsubscribe, unsubscribeSecret } from '@scenebridge/app/mail';
import { publishThroughApi } from '../portal/testing.js';
import { reviewFixtures } from '../routes/authorization.testing.js';
import { rowsOf } from './fingerprint.js';
import {
  anonymous,
  login,
  makeCall,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  tinyPng,
  type Client,
  type TestContext,
} from '../testing.js';

export type Caller = 'anon' | 'orgAdmin' | 'operator';
export const CALLERS: readonly Caller[] = ['anon', 'orgAdmin', 'operator'];

export interface World {
  clients: Record<Caller, Client>;
  emails: Record<Exclude<Caller, 'anon'>, string>;
  /** Real ids of every table with an `id` column (a sample of each). */
  ids: string[];
  openCallId: string;
  signedUnsubscribe: { s: string; t: string };
  files: { png: Buffer; pdf: Buffer; xlsx: Buffer };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

export function multipartBody(file: { name: string; content: Buffer; field?: string } | undefined, fields: Record<string, string> = {}) {
  const boundary = `----sbfuzz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(parts) };
}

async function expectStatus(res: Promise<{ statusCode: number; body: string }>, status: number, what: string) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`fuzz world: ${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body || 'null') as Record<string, unknown>;
}

async function sampleIds(ctx: TestContext): Promise<string[]> {
  const res = await ctx.handle.db.execute(sql`select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`);
  const tables = rowsOf<{ table_name: string }>(res).map((r) => r.table_name);
  const ids: string[] = [];
  for (const t of tables) {
    const rows = await ctx.handle.db.execute(sql.raw(`select id::text as id from "${t}" order by id limit 40`));
    ids.push(...rowsOf<{ id: string }>(rows).map((r) => r.id));
  }
  return ids;
}

export async function buildWorld(ctx: TestContext): Promise<World> {
  const admin = await orgUser(ctx);
  const op = await platformUser(ctx);
  const reviewer = await makeUser(ctx.services, op.org.id, ['reviewer']);
  const reviewerClient = await login(ctx.app, reviewer.email);
  const files = {
    png: tinyPng(),
    pdf: PDF,
    xlsx: await buildWorkbook('scenario_need', [sampleRow('scenario_need', 1), sampleRow('scenario_need', 2)]),
  };
  const upload = (id: string) => {
    const m = multipartBody({ name: '材料.pdf', content: PDF });
    return expectStatus(
      admin.client.request('POST', `/api/v1/submissions/${id}/attachments`, undefined, {
        headers: { 'content-type': m.contentType },
        payload: m.payload,
      }),
      201,
      'upload',
    );
  };

  const openCallId = (await makeCall(ctx.services, { status: 'open' })).id;
  await makeCall(ctx.services, { status: 'draft' });
  for (let i = 0; i < 3; i++) {
    const created = await expectStatus(
      admin.client.post('/api/v1/submissions', { callId: openCallId, data: scenarioNeedData({ title: `模糊测试场景需求${i}号` }) }),
      201,
      'create',
    );
    await upload(created.id as string);
    if (i > 0) await expectStatus(admin.client.post(`/api/v1/submissions/${created.id}/transitions`, { action: 'submit' }), 200, 'submit');
  }
  const fx = reviewFixtures({ ctx, owner: admin.client, operator: op.client });
  const inReview = await fx.callInReview(2, (id) => upload(id));
  await fx.assign({ callId: inReview.callId, id: inReview.items[0]! }, reviewer.id);
  await fx.publishedBatch(3);
  await expectStatus(
    op.client.post(`/api/v1/submissions/${await fx.accepted()}/benchmark`, {
      resultsText: '上线后检测准确率达到98.5%，替代人工目检八成工作量。',
    }),
    201,
    'benchmark',
  );
  await publishThroughApi(ctx, op.client, { listType: 'capability', items: [{ title: '模糊测试视觉检测能力' }] });
  const sub = await expectStatus(
    admin.client.post('/api/v1/subscriptions', { kind: 'saved_search', name: '视觉检测', query: { q: '视觉检测' } }),
    201,
    'subscribe',
  );
  await expectStatus(op.client.post('/api/v1/search/terms', { term: '具身智能' }), 201, 'term');
  await expectStatus(op.client.post('/api/v1/search/synonyms', { kind: 'equivalent', terms: ['人工智能', 'AI'] }), 201, 'synonym');
  await expectStatus(
    reviewerClient.post('/api/v1/reviews/relations', { organizationId: admin.org.id, note: '模糊测试关联' }),
    204,
    'relation',
  );

  const subscriptionId = sub.id as string;
  return {
    clients: { anon: anonymous(ctx.app), orgAdmin: admin.client, operator: op.client },
    emails: { orgAdmin: admin.user.email, operator: op.user.email },
    ids: await sampleIds(ctx),
    openCallId,
    signedUnsubscribe: { s: subscriptionId, t: signUnsubscribe(await unsubscribeSecret(ctx.handle.db), subscriptionId) },
    files,
  };
}
