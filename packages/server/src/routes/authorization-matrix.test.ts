/**
 * Who may call what: every route under /api/v1 × six callers.
 *
 * Callers
 *   anon      no session
 *   member    org_member of the organisation that owns the object (org A; for the organisation
 *             transition row, a member of the pending organisation being reviewed)
 *   outsider  org_admin of another approved organisation (org B)
 *   reviewer  platform user with role reviewer
 *   broker    platform user with role broker
 *   operator  platform user with role operator
 *
 * Expected answers: 2xx allowed; 401 UNAUTHENTICATED (no session on a protected route);
 * 403 FORBIDDEN (wrong role); 404 NOT_FOUND (an object the caller may not see, including
 * another organisation's and other organisations' drafts); `409:CODE` a state rule, where that
 * is what an allowed caller meets. Mutating cells get fresh objects where the route changes
 * them; every refused mutation is checked to have changed nothing.
 *
 * The table must list every route the app registers under /api/v1 (checked against the
 * router and the OpenAPI document).
 */
import { randomBytes } from 'node:crypto';
import { schema } from '@scenebridge/db';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous, callInput, createTestContext, login, makeCall, makeOrganization, makeUser, platformUser,
  randomCreditCode, scenarioNeedData, TEST_PASSWORD, type Client, type TestContext,
} from '../testing.js';

const MATRIX = `
 route                                  | object                       | anon | member           | outsider | reviewer | broker | operator
 GET    /meta                           | -                            | 200  | 200              | 200      | 200      | 200    | 200
 POST   /auth/login                     | a valid account              | 200  | 200              | 200      | 200      | 200    | 200
 POST   /auth/logout                    | own session                  | 204  | 204              | 204      | 204      | 204    | 204
 GET    /auth/me                        | -                            | 401  | 200              | 200      | 200      | 200    | 200
 POST   /auth/password                  | own account                  | 401  | 204              | 204      | 204      | 204    | 204
 POST   /organizations/register         | new organisation             | 201  | 201              | 201      | 201      | 201    | 201
 GET    /organizations                  | -                            | 401  | 403              | 403      | 403      | 403    | 200
 GET    /organizations/:id              | org A                        | 401  | 200              | 404      | 404      | 404    | 200
 POST   /organizations/:id/transitions  | pending org, approve         | 401  | 403              | 404      | 404      | 404    | 200
 GET    /organizations/:id/users        | org A                        | 401  | 403              | 404      | 404      | 404    | 200
 POST   /organizations/:id/users        | org A, new org_member        | 401  | 403              | 404      | 404      | 404    | 201
 GET    /calls                          | -                            | 200  | 200              | 200      | 200      | 200    | 200
 GET    /calls/:id                      | open call                    | 200  | 200              | 200      | 200      | 200    | 200
 GET    /calls/:id                      | draft call                   | 404  | 404              | 404      | 404      | 404    | 200
 POST   /calls                          | new call                     | 401  | 403              | 403      | 403      | 403    | 201
 PATCH  /calls/:id                      | draft call                   | 401  | 403              | 403      | 403      | 403    | 200
 POST   /calls/:id/transitions          | draft call, schedule         | 401  | 403              | 403      | 403      | 403    | 200
 GET    /submissions                    | -                            | 401  | 200              | 200      | 403      | 403    | 200
 POST   /submissions                    | draft in the open call       | 401  | 201              | 201      | 403      | 403    | 403
 GET    /submissions/:id                | A's submitted                | 401  | 200              | 404      | 404      | 404    | 200
 GET    /submissions/:id                | A's draft                    | 401  | 200              | 404      | 404      | 404    | 404
 PATCH  /submissions/:id                | A's draft                    | 401  | 200              | 404      | 404      | 404    | 404
 POST   /submissions/:id/transitions    | A's draft, submit            | 401  | 200              | 404      | 404      | 404    | 404
 POST   /submissions/:id/transitions    | A's submitted, return        | 401  | 403              | 404      | 404      | 404    | 200
 GET    /submissions/:id/history        | A's submitted                | 401  | 200              | 404      | 404      | 404    | 200
 POST   /submissions/:id/attachments    | A's draft                    | 401  | 201              | 404      | 404      | 404    | 404
 POST   /submissions/:id/attachments    | A's submitted                | 401  | 409:NOT_EDITABLE | 404      | 404      | 404    | 403
 GET    /attachments/:id                | on A's submitted             | 401  | 200              | 404      | 404      | 404    | 200
 GET    /attachments/:id                | on A's draft                 | 401  | 200              | 404      | 404      | 404    | 404
 DELETE /attachments/:id                | on A's draft                 | 401  | 204              | 404      | 404      | 404    | 404
 GET    /imports/template               | scenario_need                | 401  | 403              | 200      | 403      | 403    | 200
 POST   /imports                        | open call, dry run           | 401  | 403              | 200      | 403      | 403    | 200
 GET    /audit                          | -                            | 401  | 403              | 403      | 403      | 403    | 200
 GET    /audit/verify                   | -                            | 401  | 403              | 403      | 403      | 403    | 200
`;

const CALLERS = ['anon', 'member', 'outsider', 'reviewer', 'broker', 'operator'] as const;
type Caller = (typeof CALLERS)[number];
type LoggedIn = Exclude<Caller, 'anon'>;
interface Cell { status: number; code?: string }
interface Row { method: string; path: string; object: string; key: string; cells: Record<Caller, Cell> }

const DEFAULT_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function parseMatrix(text: string): Row[] {
  const lines = text.trim().split('\n').map((l) => l.split('|').map((c) => c.trim()));
  const [header, ...body] = lines;
  expect(header!.slice(2)).toEqual([...CALLERS]);
  return body.map((cols) => {
    const [method, path] = cols[0]!.split(/\s+/) as [string, string];
    const cells = Object.fromEntries(CALLERS.map((c, i) => {
      const [status, code] = cols[i + 2]!.split(':');
      return [c, { status: Number(status), code: code ?? DEFAULT_CODES[Number(status)] }];
    })) as Record<Caller, Cell>;
    return { method, path, object: cols[1]!, key: `${method} ${path} | ${cols[1]}`, cells };
  });
}
const ROWS = parseMatrix(MATRIX);

/** Routes from Fastify's route tree, as "METHOD /path" (HEAD left out: Fastify adds it to every GET). */
function routesFromTree(tree: string): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const full = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method !== 'HEAD') out.add(`${method} ${full}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function multipart(filename: string, content: Buffer) {
  const boundary = `----sbmatrix${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

let ctx: TestContext;
let registered: Set<string>;
let openApiRoutes: Set<string>;
const clients = {} as Record<Caller, Client>;
const users = {} as Record<LoggedIn, { id: string; email: string }>;
let orgA: { id: string };
let orgB: { id: string };
let platformOrg: { id: string };
let adminA: Client;
let openCallId: string;
let draftCallId: string;
let submittedA: string;
let draftA: string;
let attOnSubmitted: string;
let attOnDraft: string;
let loginTarget: { id: string; email: string };
let template: Buffer | undefined;

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  registered = new Set([...routesFromTree(ctx.app.printRoutes({ commonPrefix: false }))].filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')));
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  openApiRoutes = new Set(Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)));

  orgA = await makeOrganization(ctx.services);
  orgB = await makeOrganization(ctx.services);
  const op = await platformUser(ctx);
  platformOrg = op.org;
  const a = await makeUser(ctx.services, orgA.id, ['org_admin']);
  adminA = await login(ctx.app, a.email);
  const member = await makeUser(ctx.services, orgA.id, ['org_member']);
  const outsider = await makeUser(ctx.services, orgB.id, ['org_admin']);
  const reviewer = await makeUser(ctx.services, platformOrg.id, ['reviewer']);
  const broker = await makeUser(ctx.services, platformOrg.id, ['broker']);
  Object.assign(users, { member, outsider, reviewer, broker, operator: op.user });
  clients.anon = anonymous(ctx.app);
  clients.operator = op.client;
  for (const who of ['member', 'outsider', 'reviewer', 'broker'] as const) clients[who] = await login(ctx.app, users[who].email);
  loginTarget = await makeUser(ctx.services, orgB.id, ['org_member']);

  openCallId = (await makeCall(ctx.services, { status: 'open' })).id;
  draftCallId = (await makeCall(ctx.services, { status: 'draft' })).id;

  draftA = await newSubmissionOfA(false);
  attOnDraft = await uploadToA(draftA);
  const sub = await adminA.post('/api/v1/submissions', { callId: openCallId, data: scenarioNeedData({ title: '矩阵已提交的场景需求' }) });
  submittedA = sub.json().id as string;
  attOnSubmitted = await uploadToA(submittedA);
  expect((await adminA.post(`/api/v1/submissions/${submittedA}/transitions`, { action: 'submit' })).statusCode).toBe(200);

  if (registered.has('GET /api/v1/imports/template')) {
    const t = await clients.operator.get('/api/v1/imports/template?listType=scenario_need');
    expect(t.statusCode).toBe(200);
    template = t.rawPayload;
  }
});
afterAll(async () => { await ctx?.close(); });

async function newSubmissionOfA(submit: boolean): Promise<string> {
  const res = await adminA.post('/api/v1/submissions', { callId: openCallId, data: scenarioNeedData({ title: `矩阵场景需求${randomBytes(3).toString('hex')}` }) });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  if (submit) expect((await adminA.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
  return id;
}

async function uploadToA(submissionId: string): Promise<string> {
  const res = await adminA.request('POST', `/api/v1/submissions/${submissionId}/attachments`, undefined, multipart('材料.pdf', PDF));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** A new user of the caller's kind, logged in (for routes that end sessions or change passwords). */
async function freshOf(who: LoggedIn) {
  const [orgId, roles] = {
    member: [orgA.id, ['org_member']], outsider: [orgB.id, ['org_admin']], reviewer: [platformOrg.id, ['reviewer']],
    broker: [platformOrg.id, ['broker']], operator: [platformOrg.id, ['operator']],
  }[who] as [string, ('org_member' | 'org_admin' | 'reviewer' | 'broker' | 'operator')[]];
  const user = await makeUser(ctx.services, orgId, roles);
  return { user, client: await login(ctx.app, user.email) };
}

const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

/** Sends, and when the request was refused, checks that `probe` reads the same before and after. */
async function guarded(probe: () => Promise<unknown>, send: () => Promise<LightMyRequestResponse>) {
  const before = await probe();
  const res = await send();
  if (!ok(res)) expect(await probe(), 'a refused request changed state').toEqual(before);
  return res;
}

const submissionCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.submissions))[0]!.n;
const statusOf = async (id: string) => (await adminA.get(`/api/v1/submissions/${id}`)).json().status as string;
const attachmentIdsOf = async (id: string) => ((await adminA.get(`/api/v1/submissions/${id}`)).json().attachments as { id: string }[]).map((x) => x.id);

let seq = 0;
function registration() {
  seq++;
  return {
    name: `矩阵注册机构${seq}`, creditCode: randomCreditCode(), kind: 'university', regionCode: '500106',
    contactName: '吴老师', contactPhone: '13700137000',
    admin: { email: `matrix-reg${seq}-${randomBytes(3).toString('hex')}@test.example.cn`, displayName: '吴老师', password: TEST_PASSWORD },
  };
}

type Sender = (who: Caller, c: Client) => Promise<LightMyRequestResponse>;

const SEND: Record<string, Sender> = {
  'GET /meta | -': (_, c) => c.get('/api/v1/meta'),
  'POST /auth/login | a valid account': async (_, c) => {
    const res = await c.post('/api/v1/auth/login', { email: loginTarget.email, password: TEST_PASSWORD });
    if (ok(res)) expect(res.json().user.id).toBe(loginTarget.id);
    return res;
  },
  'POST /auth/logout | own session': async (who, c) => {
    if (who === 'anon') return c.post('/api/v1/auth/logout');
    const session = await login(ctx.app, users[who].email);
    const res = await session.post('/api/v1/auth/logout');
    if (ok(res)) expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    return res;
  },
  'GET /auth/me | -': async (who, c) => {
    const res = await c.get('/api/v1/auth/me');
    if (who !== 'anon' && ok(res)) expect(res.json().user.id).toBe(users[who].id);
    return res;
  },
  'POST /auth/password | own account': async (who, c) => {
    const body = { currentPassword: TEST_PASSWORD, newPassword: 'Matrix2026newpass' };
    if (who === 'anon') return c.post('/api/v1/auth/password', body);
    const { user, client } = await freshOf(who);
    const res = await client.post('/api/v1/auth/password', body);
    const attempt = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'Matrix2026newpass' } });
    expect(attempt.statusCode).toBe(ok(res) ? 200 : 401);
    return res;
  },
  'POST /organizations/register | new organisation': (_, c) => c.post('/api/v1/organizations/register', registration()),
  'GET /organizations | -': (_, c) => c.get('/api/v1/organizations'),
  'GET /organizations/:id | org A': (_, c) => c.get(`/api/v1/organizations/${orgA.id}`),
  'POST /organizations/:id/transitions | pending org, approve': async (who, c) => {
    const pending = await makeOrganization(ctx.services, { status: 'pending' });
    const client = who === 'member' ? await login(ctx.app, (await makeUser(ctx.services, pending.id, ['org_member'])).email) : c;
    const status = async () => (await clients.operator.get(`/api/v1/organizations/${pending.id}`)).json().status as string;
    const res = await guarded(status, () => client.post(`/api/v1/organizations/${pending.id}/transitions`, { action: 'approve' }));
    expect(await status()).toBe(ok(res) ? 'approved' : 'pending');
    return res;
  },
  'GET /organizations/:id/users | org A': (_, c) => c.get(`/api/v1/organizations/${orgA.id}/users`),
  'POST /organizations/:id/users | org A, new org_member': (_, c) =>
    guarded(async () => (await clients.operator.get(`/api/v1/organizations/${orgA.id}/users`)).json().items.length, () =>
      c.post(`/api/v1/organizations/${orgA.id}/users`, {
        email: `matrix-user-${randomBytes(4).toString('hex')}@test.example.cn`, displayName: '矩阵成员', password: 'Matrix2026pass', roles: ['org_member'],
      })),
  'GET /calls | -': async (who, c) => {
    const res = await c.get('/api/v1/calls?pageSize=100');
    const ids = (res.json().items as { id: string }[]).map((x) => x.id);
    expect(ids).toContain(openCallId);
    expect(ids.includes(draftCallId)).toBe(who === 'operator');
    return res;
  },
  'GET /calls/:id | open call': (_, c) => c.get(`/api/v1/calls/${openCallId}`),
  'GET /calls/:id | draft call': (_, c) => c.get(`/api/v1/calls/${draftCallId}`),
  'POST /calls | new call': (_, c) =>
    guarded(async () => (await clients.operator.get('/api/v1/calls?pageSize=1')).json().total, () => c.post('/api/v1/calls', callInput())),
  'PATCH /calls/:id | draft call': async (_, c) => {
    const id = (await makeCall(ctx.services, { status: 'draft' })).id;
    return guarded(async () => (await clients.operator.get(`/api/v1/calls/${id}`)).json().title, () =>
      c.patch(`/api/v1/calls/${id}`, callInput({ title: '矩阵测试修改后的征集' })));
  },
  'POST /calls/:id/transitions | draft call, schedule': async (_, c) => {
    const id = (await makeCall(ctx.services, { status: 'draft' })).id;
    return guarded(async () => (await clients.operator.get(`/api/v1/calls/${id}`)).json().status, () =>
      c.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' }));
  },
  'GET /submissions | -': async (who, c) => {
    const res = await c.get('/api/v1/submissions?pageSize=100');
    if (ok(res)) {
      const ids = (res.json().items as { id: string }[]).map((x) => x.id);
      expect(ids.includes(submittedA)).toBe(who === 'member' || who === 'operator');
      expect(ids.includes(draftA)).toBe(who === 'member');
    }
    return res;
  },
  'POST /submissions | draft in the open call': (_, c) =>
    guarded(submissionCount, () => c.post('/api/v1/submissions', { callId: openCallId, data: { title: '矩阵测试草稿' } })),
  "GET /submissions/:id | A's submitted": (_, c) => c.get(`/api/v1/submissions/${submittedA}`),
  "GET /submissions/:id | A's draft": (_, c) => c.get(`/api/v1/submissions/${draftA}`),
  "PATCH /submissions/:id | A's draft": (who, c) =>
    guarded(async () => (await adminA.get(`/api/v1/submissions/${draftA}`)).json().data, () =>
      c.patch(`/api/v1/submissions/${draftA}`, { data: scenarioNeedData({ title: `矩阵修改${who}` }) })),
  "POST /submissions/:id/transitions | A's draft, submit": async (_, c) => {
    const id = await newSubmissionOfA(false);
    const res = await guarded(() => statusOf(id), () => c.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }));
    if (ok(res)) expect(await statusOf(id)).toBe('submitted');
    return res;
  },
  "POST /submissions/:id/transitions | A's submitted, return": async (_, c) => {
    const id = await newSubmissionOfA(true);
    const res = await guarded(() => statusOf(id), () => c.post(`/api/v1/submissions/${id}/transitions`, { action: 'return_for_revision', reason: '矩阵测试退回' }));
    if (ok(res)) expect(await statusOf(id)).toBe('returned_for_revision');
    return res;
  },
  "GET /submissions/:id/history | A's submitted": (_, c) => c.get(`/api/v1/submissions/${submittedA}/history`),
  "POST /submissions/:id/attachments | A's draft": (_, c) =>
    guarded(() => attachmentIdsOf(draftA), () => c.request('POST', `/api/v1/submissions/${draftA}/attachments`, undefined, multipart('矩阵.pdf', PDF))),
  "POST /submissions/:id/attachments | A's submitted": (_, c) =>
    guarded(() => attachmentIdsOf(submittedA), () => c.request('POST', `/api/v1/submissions/${submittedA}/attachments`, undefined, multipart('矩阵.pdf', PDF))),
  "GET /attachments/:id | on A's submitted": async (_, c) => {
    const res = await c.get(`/api/v1/attachments/${attOnSubmitted}`);
    if (ok(res)) expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    return res;
  },
  "GET /attachments/:id | on A's draft": (_, c) => c.get(`/api/v1/attachments/${attOnDraft}`),
  "DELETE /attachments/:id | on A's draft": async (_, c) => {
    const attId = await uploadToA(draftA);
    const res = await guarded(() => attachmentIdsOf(draftA), () => c.delete(`/api/v1/attachments/${attId}`));
    expect((await attachmentIdsOf(draftA)).includes(attId)).toBe(!ok(res));
    return res;
  },
  'GET /imports/template | scenario_need': (_, c) => c.get('/api/v1/imports/template?listType=scenario_need'),
  'POST /imports | open call, dry run': (_, c) =>
    guarded(submissionCount, () => c.request('POST', `/api/v1/imports?callId=${openCallId}&mode=dry_run`, undefined, multipart('导入.xlsx', template!))),
  'GET /audit | -': (_, c) => c.get('/api/v1/audit'),
  'GET /audit/verify | -': (_, c) => c.get('/api/v1/audit/verify'),
};

describe('the matrix covers the API', () => {
  it('has a sender for every row and a row for every sender', () => {
    expect(Object.keys(SEND).sort()).toEqual(ROWS.map((r) => r.key).sort());
  });

  it('lists every route registered under /api/v1, and no route that does not exist', () => {
    const table = new Set(ROWS.map((r) => `${r.method} /api/v1${r.path}`));
    expect(registered.size).toBeGreaterThanOrEqual(25);
    expect([...registered].sort()).toEqual([...table].filter((r) => registered.has(r) || !r.includes('/imports')).sort());
    // Import routes are listed ahead of time; all others must exist.
    for (const r of table) if (!r.includes('/imports')) expect(registered.has(r), r).toBe(true);
  });

  it('agrees with the OpenAPI document', () => {
    const documented = [...openApiRoutes].filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
    expect(documented).toEqual([...registered].sort());
  });
});

describe.each(ROWS)('$method $path ($object)', (row) => {
  it.for(CALLERS.map((who) => ({ who, cell: row.cells[who] })))('$who → $cell.status', async ({ who, cell }, { skip }) => {
    // Import routes are listed ahead of their implementation; until they are registered, skip.
    if (row.path.startsWith('/imports') && !registered.has(`${row.method} /api/v1${row.path}`)) skip();
    const res = await SEND[row.key]!(who, clients[who]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(cell.status);
    if (cell.code) expect(res.json().error.code).toBe(cell.code);
  });
});
