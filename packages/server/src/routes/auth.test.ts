import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous, createTestContext, login, makeCall, makeOrganization, makeUser, orgUser, platformUser, TEST_PASSWORD,
  type Client, type TestContext,
} from '../testing.js';

/** Posts a login without the helper, so failures can be inspected. */
function tryLogin(ctx: TestContext, email: string, password: string, extra: { remoteAddress?: string } = {}) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, ...extra });
}

function setCookieHeaders(res: LightMyRequestResponse): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [String(h)];
}

async function auditOf(operator: Client, userId: string) {
  const res = await operator.get(`/api/v1/audit?entityType=user&entityId=${userId}&pageSize=100`);
  expect(res.statusCode).toBe(200);
  const items = res.json().items as { seq: number; action: string; actorLabel: string; data: { failedLogins?: number } | null }[];
  return items.sort((a, b) => a.seq - b.seq);
}

let ctx: TestContext;
// The per-IP login limit is exercised in its own context below; here it must not get in the way.
beforeAll(async () => { ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } }); });
afterAll(async () => { await ctx?.close(); });
afterEach(() => { ctx?.setNow(new Date()); });

async function freshUser(roles: ('org_admin' | 'org_member')[] = ['org_admin']) {
  const org = await makeOrganization(ctx.services);
  const user = await makeUser(ctx.services, org.id, roles);
  return { org, user };
}

describe('login', () => {
  it('returns the user and a CSRF token, and sets an httpOnly SameSite=Lax session cookie', async () => {
    const { org, user } = await freshUser();
    const res = await tryLogin(ctx, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      id: user.id, email: user.email, roles: ['org_admin'], organization: { id: org.id, name: org.name, status: 'approved' },
    });
    expect(typeof body.csrfToken).toBe('string');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);

    const cookie = res.cookies.find((c) => c.name === 'sb_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.maxAge).toBe(ctx.services.config.sessionTtlMs / 1000);
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    const raw = setCookieHeaders(res).find((h) => h.startsWith('sb_session='))!;
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Lax/i);

    // The cookie is a working session, and /auth/me hands back the same CSRF token.
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `sb_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id, email: user.email }, csrfToken: body.csrfToken });
  });

  // /auth/me once omitted the organisation kind the contract promises.
  it('reports the organisation kind in /auth/me as the contract says', async () => {
    const org = await makeOrganization(ctx.services, { kind: 'university' });
    const user = await makeUser(ctx.services, org.id, ['org_admin']);
    const client = await login(ctx.app, user.email);
    expect((await client.get('/api/v1/auth/me')).json().user.organization).toMatchObject({ id: org.id, kind: 'university' });
  });

  it('accepts the email in any letter case', async () => {
    const { user } = await freshUser();
    expect((await tryLogin(ctx, user.email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email identically (401 INVALID_CREDENTIALS)', async () => {
    const { user } = await freshUser();
    const wrong = await tryLogin(ctx, user.email, 'Wrong2026pass');
    const unknown = await tryLogin(ctx, 'nobody-here@test.example.cn', 'Wrong2026pass');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();
    expect(unknown.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();
  });

  it('rejects a malformed login body with 400 VALIDATION_FAILED', async () => {
    const res = await tryLogin(ctx, 'not-an-email', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('email');
  });

  it('locks the account after 5 failures (423 even with the right password), unlocks after lockMinutes, and audits it', async () => {
    const operator = (await platformUser(ctx)).client;
    const { user } = await freshUser();
    const t0 = new Date();
    ctx.setNow(t0);

    for (let i = 1; i <= 5; i++) {
      const res = await tryLogin(ctx, user.email, `Wrong2026pass${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await tryLogin(ctx, user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toContain('15分钟');
    expect(locked.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();

    // Still locked a minute before the end (the operator's session is still within its TTL).
    ctx.setNow(new Date(t0.getTime() + 14 * 60_000));
    const stillLocked = await tryLogin(ctx, user.email, TEST_PASSWORD);
    expect(stillLocked.statusCode).toBe(423);
    expect(stillLocked.json().error.message).toContain('1分钟');

    ctx.setNow(new Date(t0.getTime() + ctx.services.config.lockMinutes * 60_000 + 1000));
    const unlocked = await tryLogin(ctx, user.email, TEST_PASSWORD);
    expect(unlocked.statusCode).toBe(200);

    // A successful login resets the counter: four new failures do not lock.
    for (let i = 1; i <= 4; i++) expect((await tryLogin(ctx, user.email, `Again2026pass${i}`)).statusCode).toBe(401);
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);

    const events = await auditOf(operator, user.id);
    expect(events.map((e) => e.action)).toEqual([
      'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.account_locked',
      'auth.login',
      'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed',
      'auth.login',
    ]);
    expect(events.slice(0, 5).map((e) => e.data?.failedLogins)).toEqual([1, 2, 3, 4, 5]);
    expect(events.slice(6, 10).map((e) => e.data?.failedLogins)).toEqual([1, 2, 3, 4]);
    // Failures are by an unknown caller; a successful login is by the user.
    expect(events.filter((e) => e.action !== 'auth.login').every((e) => e.actorLabel === 'anonymous')).toBe(true);
    expect(events.filter((e) => e.action === 'auth.login').every((e) => e.actorLabel.includes(user.email))).toBe(true);
  });

  // Once a lock had expired, one wrong password locked the account again (the count was never reset).
  it('after a lock expires, one wrong password does not lock the account again', async () => {
    const { user } = await freshUser();
    const t0 = new Date();
    ctx.setNow(t0);
    for (let i = 1; i <= 5; i++) await tryLogin(ctx, user.email, `Wrong2026pass${i}`);
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(423);
    ctx.setNow(new Date(t0.getTime() + ctx.services.config.lockMinutes * 60_000 + 1000));
    const typo = await tryLogin(ctx, user.email, 'Typo2026pass');
    expect(typo.statusCode).toBe(401);
    expect(typo.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session after its TTL', async () => {
    const { user } = await freshUser();
    const client = await login(ctx.app, user.email);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    ctx.setNow(new Date(Date.now() + ctx.services.config.sessionTtlMs + 1000));
    const expired = await client.get('/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
    // The dead cookie is cleared.
    expect(setCookieHeaders(expired).some((h) => /^sb_session=;/.test(h))).toBe(true);
  });
});

describe('CSRF', () => {
  it('refuses a POST carrying the session cookie but no x-csrf-token, and changes nothing', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/v1/submissions', headers: { cookie: client.cookie! },
      payload: { callId: call.id, data: { title: '跨站请求伪造的草稿' } },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect((await client.get('/api/v1/submissions')).json().total).toBe(0);

    // The same request with the token goes through, so it was the token that was missing.
    expect((await client.post('/api/v1/submissions', { callId: call.id, data: { title: '正常保存的草稿' } })).statusCode).toBe(201);
    expect((await client.get('/api/v1/submissions')).json().total).toBe(1);
  });

  it('refuses a wrong token, and a token that belongs to another session', async () => {
    const operator = (await platformUser(ctx)).client;
    const before = (await operator.get('/api/v1/calls?pageSize=100')).json().total as number;
    const input = {
      title: 'CSRF测试征集', listType: 'scenario_need', description: '这是一个用于测试跨站请求伪造防护的征集。',
      opensAt: new Date(Date.now() + 86400_000).toISOString(), closesAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
      reviewScheme: { reviewersPerItem: 3, blind: false, criteria: [{ key: 'quality', name: '整体质量', weight: 100 }] },
    };
    const wrong = await operator.request('POST', '/api/v1/calls', input, { headers: { 'x-csrf-token': 'not-the-token' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('CSRF_INVALID');

    const other = await platformUser(ctx);
    const crossed = await operator.request('POST', '/api/v1/calls', input, { headers: { 'x-csrf-token': other.client.csrfToken! } });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().error.code).toBe('CSRF_INVALID');

    expect((await operator.get('/api/v1/calls?pageSize=100')).json().total).toBe(before);
    expect((await operator.post('/api/v1/calls', input)).statusCode).toBe(201);
    expect((await operator.get('/api/v1/calls?pageSize=100')).json().total).toBe(before + 1);
  });

  it('also guards PATCH, DELETE and logout, but not GET', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const id = (await client.post('/api/v1/submissions', { callId: call.id, data: { title: '原始标题草稿' } })).json().id as string;
    const headers = { cookie: client.cookie! };
    const patch = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/submissions/${id}`, headers, payload: { data: { title: '被篡改的标题' } } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('CSRF_INVALID');
    const del = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000', headers });
    expect(del.statusCode).toBe(403);
    expect(del.json().error.code).toBe('CSRF_INVALID');
    const logout = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(logout.statusCode).toBe(403);
    const get = await ctx.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, headers });
    expect(get.statusCode).toBe(200);
    expect(get.json().title).toBe('原始标题草稿');
    // The refused logout did not end the session.
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('does not apply to anonymous requests, which are simply unauthenticated', async () => {
    const call = await makeCall(ctx.services);
    const res = await anonymous(ctx.app).post('/api/v1/submissions', { callId: call.id, data: { title: '匿名草稿' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('logout', () => {
  it('ends only that session; the old cookie gets 401 on /auth/me', async () => {
    const { user } = await freshUser();
    const first = await login(ctx.app, user.email);
    const second = await login(ctx.app, user.email);
    const res = await first.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(setCookieHeaders(res).some((h) => /^sb_session=;/.test(h))).toBe(true);
    const me = await first.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
    // A logged-out cookie cannot be used for writes either.
    expect((await first.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another2026pass' })).statusCode).toBe(401);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('checks the current password and the strength of the new one; success ends the other sessions only', async () => {
    const operator = (await platformUser(ctx)).client;
    const { user } = await freshUser(['org_member']);
    const current = await login(ctx.app, user.email);
    const other = await login(ctx.app, user.email);

    const wrong = await current.post('/api/v1/auth/password', { currentPassword: 'Wrong2026pass', newPassword: 'Brand2026newpass' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');

    for (const weak of ['short1', 'onlyletterslong', '12345678901234']) {
      const res = await current.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('newPassword');
    }
    // Nothing changed so far: both sessions alive, old password still works.
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);

    const ok = await current.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand2026newpass' });
    expect(ok.statusCode).toBe(204);
    expect((await current.get('/api/v1/auth/me')).statusCode).toBe(200);
    const same = await current.post('/api/v1/auth/password', { currentPassword: 'Brand2026newpass', newPassword: 'Brand2026newpass' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('PASSWORD_UNCHANGED');
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);

    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await tryLogin(ctx, user.email, 'Brand2026newpass')).statusCode).toBe(200);

    const events = await auditOf(operator, user.id);
    expect(events.map((e) => e.action)).toContain('auth.password_changed');
    expect(events.find((e) => e.action === 'auth.password_changed')!.actorLabel).toContain(user.email);
  });

  it('requires a session', async () => {
    const res = await anonymous(ctx.app).post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand2026newpass' });
    expect(res.statusCode).toBe(401);
  });
});

describe('per-IP login rate limit', () => {
  let limited: TestContext;
  beforeAll(async () => { limited = await createTestContext({ config: { loginRateLimitPerMinute: 3 } }); });
  afterAll(async () => { await limited?.close(); });

  it('answers the 4th attempt within a minute with 429 RATE_LIMITED, before checking the password', async () => {
    const operatorOrg = await makeOrganization(limited.services, { operator: true, kind: 'government' });
    const operatorUser = await makeUser(limited.services, operatorOrg.id, ['operator']);
    const org = await makeOrganization(limited.services);
    const user = await makeUser(limited.services, org.id, ['org_admin']);

    const operator = await login(limited.app, operatorUser.email); // attempt 1
    expect((await tryLogin(limited, user.email, 'Wrong2026pass')).statusCode).toBe(401); // 2
    expect((await tryLogin(limited, user.email, 'Wrong2026pass')).statusCode).toBe(401); // 3
    const fourth = await tryLogin(limited, user.email, TEST_PASSWORD); // 4: right password, still refused
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('RATE_LIMITED');
    expect(fourth.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();

    // Another address is counted separately.
    expect((await tryLogin(limited, user.email, TEST_PASSWORD, { remoteAddress: '10.20.30.40' })).statusCode).toBe(200);

    // The refused attempt never reached the account: two failures, then the login from the other address.
    const events = await auditOf(operator, user.id);
    expect(events.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login']);
  });

  // With trustProxy on, a client rotating X-Forwarded-For escaped the per-IP limit; it is off unless configured.
  it('cannot be escaped by rotating X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const org = await makeOrganization(limited.services);
    const user = await makeUser(limited.services, org.id, ['org_admin']);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.app.inject({
        method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` }, payload: { email: user.email, password: 'Wrong2026pass' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
