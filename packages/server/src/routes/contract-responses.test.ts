/**
 * The response schemas of the auth, organizations, calls, submissions, imports, audit, meta,
 * notifications and subscriptions routes: the OpenAPI document shows them, every answer of a
 * real scenario fits its schema exactly, and nothing the presenters send is dropped by the
 * schema-based serialiser (it strips keys a schema does not name).
 */
import { auditPage, chainReport } from '@scenebridge/contract/audit';
import { session } from '@scenebridge/contract/auth';
import { callDetail, callPage } from '@scenebridge/contract/calls';
import { importReport } from '@scenebridge/contract/imports';
import { meta } from '@scenebridge/contract/meta';
import { markedRead, notificationPage } from '@scenebridge/contract/notifications';
import { organization, organizationPage, registration, user, userList } from '@scenebridge/contract/organizations';
import { attachment, submissionDetail, submissionHistory, submissionPage } from '@scenebridge/contract/submissions';
import { subscription, subscriptionHitPage, subscriptionList } from '@scenebridge/contract/subscriptions';
import { notifyUsers } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  anonymous,
  createTestContext,
  makeCall,
  orgUser,
  platformUser,
  randomCreditCode,
  scenarioNeedData,
  TEST_PASSWORD,
  tinyPng,
  uploadFile,
  type TestContext,
} from '../testing.js';

let ctx: TestContext;
/** Every JSON answer of the scenario, by "METHOD path-pattern". */
const answers = new Map<string, unknown>();

async function keep(key: string, status: number, res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  expect(r.statusCode, `${key}: ${r.body.slice(0, 300)}`).toBe(status);
  const body = r.body ? JSON.parse(r.body) : null;
  answers.set(key, body);
  return body;
}

let templateBytes: Buffer;
let downloaded: Buffer;
const uploaded = tinyPng();

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  const operator = (await platformUser(ctx)).client;
  const owner = await orgUser(ctx);
  const guest = anonymous(ctx.app);

  await keep('GET /meta', 200, guest.get('/api/v1/meta'));
  await keep(
    'POST /auth/login',
    200,
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.user.email, password: TEST_PASSWORD } }),
  );
  await keep('GET /auth/me', 200, owner.client.get('/api/v1/auth/me'));

  const reg = (await keep(
    'POST /organizations/register',
    201,
    guest.post('/api/v1/organizations/register', {
      name: '重庆示例科技有限公司',
      creditCode: randomCreditCode(),
      kind: 'ai_company',
      regionCode: '500107',
      contactName: '王工',
      contactPhone: '13800138000',
      admin: { email: `reg-${Date.now()}@example.cn`, displayName: '王工', password: TEST_PASSWORD },
    }),
  )) as { organization: { id: string } };
  const orgId = reg.organization.id;
  await keep('GET /organizations', 200, operator.get('/api/v1/organizations?status=pending'));
  await keep('GET /organizations/:id', 200, operator.get(`/api/v1/organizations/${orgId}`));
  await keep(
    'POST /organizations/:id/transitions',
    200,
    operator.post(`/api/v1/organizations/${orgId}/transitions`, { action: 'reject', reason: '材料不全' }),
  );
  await keep('GET /organizations/:id/users', 200, operator.get(`/api/v1/organizations/${owner.org.id}/users`));
  await keep(
    'POST /organizations/:id/users',
    201,
    owner.client.post(`/api/v1/organizations/${owner.org.id}/users`, {
      email: `member-${Date.now()}@example.cn`,
      displayName: '李四',
      password: TEST_PASSWORD,
      roles: ['org_member'],
    }),
  );

  const now = ctx.services.now().getTime();
  const created = (await keep(
    'POST /calls',
    201,
    operator.post('/api/v1/calls', {
      title: '2026年第一批人工智能应用场景需求征集',
      listType: 'scenario_need',
      description: '面向全市征集人工智能应用场景需求。',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86400_000).toISOString(),
      reviewScheme: { reviewersPerItem: 2, blind: false, criteria: [{ key: 'value', name: '应用价值', weight: 100 }] },
    }),
  )) as { id: string };
  await keep(
    'PATCH /calls/:id',
    200,
    operator.patch(`/api/v1/calls/${created.id}`, {
      title: '2026年第一批人工智能应用场景需求征集（修订）',
      listType: 'scenario_need',
      description: '面向全市征集人工智能应用场景需求。',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86400_000).toISOString(),
      reviewScheme: { reviewersPerItem: 2, blind: false, criteria: [{ key: 'value', name: '应用价值', weight: 100 }] },
    }),
  );
  await keep('POST /calls/:id/transitions', 200, operator.post(`/api/v1/calls/${created.id}/transitions`, { action: 'open' }));
  await keep('GET /calls', 200, guest.get('/api/v1/calls'));
  await keep('GET /calls/:id', 200, owner.client.get(`/api/v1/calls/${created.id}`));

  const call = await makeCall(ctx.services);
  const draft = (await keep(
    'POST /submissions',
    201,
    owner.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData() }),
  )) as { id: string };
  await keep(
    'PATCH /submissions/:id',
    200,
    owner.client.patch(`/api/v1/submissions/${draft.id}`, { data: scenarioNeedData({ title: '园区智能巡检需求' }) }),
  );
  const attachment = (await keep(
    'POST /submissions/:id/attachments',
    201,
    uploadFile(owner.client, `/api/v1/submissions/${draft.id}/attachments`, uploaded, '现场照片.png'),
  )) as { id: string };
  await keep('GET /submissions/:id', 200, owner.client.get(`/api/v1/submissions/${draft.id}`));
  await keep(
    'POST /submissions/:id/transitions',
    200,
    owner.client.post(`/api/v1/submissions/${draft.id}/transitions`, { action: 'submit' }),
  );
  await keep('GET /submissions', 200, operator.get('/api/v1/submissions'));
  await keep('GET /submissions/:id/history', 200, owner.client.get(`/api/v1/submissions/${draft.id}/history`));
  downloaded = (await owner.client.get(`/api/v1/attachments/${attachment.id}`)).rawPayload;

  const template = await operator.get('/api/v1/imports/template?listType=scenario_need');
  templateBytes = template.rawPayload;
  await keep('POST /imports', 200, uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, templateBytes, '导入.xlsx'));

  await keep('GET /audit', 200, operator.get('/api/v1/audit?pageSize=5'));
  await keep('GET /audit/verify', 200, operator.get('/api/v1/audit/verify'));

  await notifyUsers(ctx.services.db, [
    { userId: owner.user.id, kind: 'test.plain', title: '通知一' },
    { userId: owner.user.id, kind: 'test.full', title: '通知二', body: '正文', link: '/submissions', data: { n: 1 } },
  ]);
  await keep('GET /notifications', 200, owner.client.get('/api/v1/notifications'));
  await keep('POST /notifications/read-all', 200, owner.client.post('/api/v1/notifications/read-all'));
  await keep('GET /notifications (read)', 200, owner.client.get('/api/v1/notifications'));

  const sub = (await keep(
    'POST /subscriptions',
    201,
    owner.client.post('/api/v1/subscriptions', {
      kind: 'saved_search',
      name: '机器视觉',
      frequency: 'daily',
      query: { q: '机器视觉' },
    }),
  )) as { id: string };
  await keep('GET /subscriptions', 200, owner.client.get('/api/v1/subscriptions'));
  await keep('GET /subscriptions/:id', 200, owner.client.get(`/api/v1/subscriptions/${sub.id}`));
  await keep('PATCH /subscriptions/:id', 200, owner.client.patch(`/api/v1/subscriptions/${sub.id}`, { active: false }));
  await keep('GET /subscriptions/:id/hits', 200, owner.client.get(`/api/v1/subscriptions/${sub.id}/hits`));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'GET /meta': meta,
  'POST /auth/login': session,
  'GET /auth/me': session,
  'POST /organizations/register': registration,
  'GET /organizations': organizationPage,
  'GET /organizations/:id': organization,
  'POST /organizations/:id/transitions': organization,
  'GET /organizations/:id/users': userList,
  'POST /organizations/:id/users': user,
  'POST /calls': callDetail,
  'PATCH /calls/:id': callDetail,
  'POST /calls/:id/transitions': callDetail,
  'GET /calls': callPage,
  'GET /calls/:id': callDetail,
  'POST /submissions': submissionDetail,
  'PATCH /submissions/:id': submissionDetail,
  'POST /submissions/:id/attachments': attachment,
  'GET /submissions/:id': submissionDetail,
  'POST /submissions/:id/transitions': submissionDetail,
  'GET /submissions': submissionPage,
  'GET /submissions/:id/history': submissionHistory,
  'POST /imports': importReport,
  'GET /audit': auditPage,
  'GET /audit/verify': chainReport,
  'GET /notifications': notificationPage,
  'POST /notifications/read-all': markedRead,
  'GET /notifications (read)': notificationPage,
  'POST /subscriptions': subscription,
  'GET /subscriptions': subscriptionList,
  'GET /subscriptions/:id': subscription,
  'PATCH /subscriptions/:id': subscription,
  'GET /subscriptions/:id/hits': subscriptionHitPage,
};

/** This file's routes, as the OpenAPI document names them. */
const OPERATIONS = [
  'post /auth/login',
  'post /auth/logout',
  'get /auth/me',
  'post /auth/password',
  'post /organizations/register',
  'get /organizations',
  'get /organizations/{id}',
  'post /organizations/{id}/transitions',
  'get /organizations/{id}/users',
  'post /organizations/{id}/users',
  'get /calls',
  'get /calls/{id}',
  'post /calls',
  'patch /calls/{id}',
  'post /calls/{id}/transitions',
  'get /submissions',
  'get /submissions/{id}',
  'post /submissions',
  'patch /submissions/{id}',
  'post /submissions/{id}/transitions',
  'get /submissions/{id}/history',
  'post /submissions/{id}/attachments',
  'get /attachments/{id}',
  'delete /attachments/{id}',
  'get /imports/template',
  'post /imports',
  'get /audit',
  'get /audit/verify',
  'get /meta',
  'get /notifications',
  'post /notifications/read-all',
  'post /notifications/{id}/read',
  'get /subscriptions',
  'post /subscriptions',
  'get /subscriptions/{id}',
  'patch /subscriptions/{id}',
  'delete /subscriptions/{id}',
  'get /subscriptions/{id}/hits',
];

type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

describe('response contract', () => {
  it('the OpenAPI document describes the success answer of every route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
    const described = OPERATIONS.map((op) => {
      const [method, path] = op.split(' ') as [string, string];
      const responses = doc.paths[`/api/v1${path}`]?.[method]?.responses ?? {};
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      const ok =
        success.length > 0 && success.every(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
      return [op, ok] as const;
    });
    expect(described.filter(([, ok]) => !ok).map(([op]) => op)).toEqual([]);
    const call = doc.paths['/api/v1/calls/{id}']!.get!.responses!['200']!.content!['application/json']!.schema as { required: string[] };
    expect(call.required).toEqual(expect.arrayContaining(['status', 'allowedActions', 'acceptingSubmissions', 'reviewScheme']));
  });

  it('each answer is exactly what its contract schema describes (no field unnamed, none missing)', () => {
    expect([...answers.keys()].sort()).toEqual(Object.keys(JSON_SCHEMAS).sort());
    for (const [key, body] of answers) {
      const parsed = JSON_SCHEMAS[key]!.safeParse(body);
      expect(parsed.error, key).toBeUndefined();
      expect(JSON.parse(JSON.stringify(parsed.data)), key).toEqual(body);
    }
  });

  it('keeps the fields presenters add beyond the obvious (a schema that forgot one would strip it)', () => {
    const list = answers.get('GET /submissions') as { items: Array<Record<string, unknown>> };
    expect(Object.keys(list.items[0]!)).toEqual(
      expect.arrayContaining(['organizationId', 'organizationName', 'organization', 'statusReason']),
    );
    expect(answers.get('GET /notifications')).toMatchObject({
      unread: 2,
      items: expect.arrayContaining([expect.objectContaining({ data: { n: 1 } })]),
    });
    expect(answers.get('GET /audit/verify')).toEqual({ ok: true, checked: expect.any(Number), headSeq: expect.any(Number) });
    expect((answers.get('GET /audit') as { items: Array<Record<string, unknown>> }).items[0]).toHaveProperty('data');
    expect(answers.get('POST /imports')).toMatchObject({ mode: 'dry_run', listType: 'scenario_need', errors: [] });
    expect(answers.get('PATCH /subscriptions/:id')).toMatchObject({
      kind: 'saved_search',
      query: { q: '机器视觉' },
      active: false,
      unsubscribedAt: expect.any(String),
    });
  });

  it('files are sent as their bytes, untouched by the response schema', () => {
    expect(downloaded.equals(uploaded)).toBe(true);
    expect(templateBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
