import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@scenebridge/db';
import { and, asc, eq } from 'drizzle-orm';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeOrganization,
  makeUser,
  orgUser,
  platformUser,
  randomCreditCode,
  TEST_PASSWORD,
  type Client,
  type TestContext,
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
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
});
afterAll(async () => {
  await ctx?.close();
});
afterEach(() => {
  ctx?.setNow(new Date());
});

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
      id: user.id,
      email: user.email,
      roles: ['org_admin'],
      organization: { id: org.id, name: org.name, status: 'approved' },
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

/** Audit actions of a user, read from the table, so that moving the clock cannot end a reader's session. */
async function actionsOf(userId: string) {
  const rows = await ctx.services.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, 'user'), eq(schema.auditEvents.entityId, userId)))
    .orderBy(asc(schema.auditEvents.seq));
  return rows.map((r) => ({ action: r.action, actorLabel: r.actorLabel, data: r.data as Record<string, unknown> | null }));
}
const count = (events: { action: string }[], action: string) => events.filter((e) => e.action === action).length;
const later = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);
const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.20';

describe('login throttling', () => {
  // Concurrent guesses were all checked before any was counted (18 of 19 got through the lock).
  it('20 concurrent wrong guesses: only the allowance is checked, and the right password is then refused too', async () => {
    const { user } = await freshUser();
    const t0 = new Date();
    ctx.setNow(t0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLogin(ctx, user.email, `Wrong2026pass${i}`, { remoteAddress: ATTACKER })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(401));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);

    const allowance = ctx.services.config.lockAfterFailures;
    const right = await tryLogin(ctx, user.email, TEST_PASSWORD, { remoteAddress: ATTACKER });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(right.cookies.find((c) => c.name === 'sb_session')).toBeUndefined();

    const events = await actionsOf(user.id);
    expect(count(events, 'auth.login_failed')).toBe(allowance); // one audit row per password actually checked
    expect(
      events
        .filter((e) => e.action === 'auth.login_failed')
        .map((e) => e.data?.attempts)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(count(events, 'auth.login')).toBe(0);
    // 16 refused requests, one audit row: a flood is noted once per slot, not per request.
    expect(count(events, 'auth.login_throttled')).toBe(1);
  });

  it('a throttled account answers exactly like an unknown email or a disabled account', async () => {
    const { user } = await freshUser();
    ctx.setNow(new Date());
    for (let i = 0; i < ctx.services.config.lockAfterFailures; i++) await tryLogin(ctx, user.email, `Wrong2026pass${i}`);
    const throttled = await tryLogin(ctx, user.email, TEST_PASSWORD);
    const unknown = await tryLogin(ctx, 'nobody-at-all@test.example.cn', TEST_PASSWORD);
    const { user: other } = await freshUser();
    await ctx.services.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, other.id));
    const disabled = await tryLogin(ctx, other.email, TEST_PASSWORD);
    for (const res of [throttled, unknown, disabled]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(unknown.json());
      expect(res.headers['retry-after']).toBeUndefined();
      expect(res.cookies).toEqual([]);
    }
    expect(unknown.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.stringContaining('邮箱或密码不正确') });
  });

  it('waits 2, 4, 8 … seconds after the allowance, and a success starts the count again', async () => {
    const { user } = await freshUser();
    const t0 = new Date();
    ctx.setNow(t0);
    for (let i = 1; i <= 5; i++) expect((await tryLogin(ctx, user.email, `Wrong2026pass${i}`)).statusCode).toBe(401);
    ctx.setNow(later(t0, 1.9));
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(401); // the 2 s have not passed
    ctx.setNow(later(t0, 2));
    expect((await tryLogin(ctx, user.email, 'Wrong2026pass6')).statusCode).toBe(401); // checked: 6th attempt, next wait 4 s
    ctx.setNow(later(t0, 5.9));
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    ctx.setNow(later(t0, 6));
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    // Reset: four typos and the right password, no wait.
    for (let i = 1; i <= 4; i++) expect((await tryLogin(ctx, user.email, `Again2026pass${i}`)).statusCode).toBe(401);
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);

    const events = await actionsOf(user.id);
    expect(events.map((e) => e.action)).toEqual([
      ...Array(5).fill('auth.login_failed'),
      'auth.login_throttled',
      'auth.login_failed',
      'auth.login_throttled',
      'auth.login',
      ...Array(4).fill('auth.login_failed'),
      'auth.login',
    ]);
    expect(events.filter((e) => e.action === 'auth.login_failed').map((e) => e.data?.attempts)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4]);
    expect(events.filter((e) => e.action !== 'auth.login').every((e) => e.actorLabel === 'anonymous')).toBe(true);
  });

  // Five guesses every 15 minutes from anywhere locked the real user out: a weapon.
  it('an attacker hammering from one address for 90 minutes does not keep the owner out from another', async () => {
    const { user } = await freshUser();
    const t0 = new Date();
    for (let minute = 0; minute < 90; minute++) {
      ctx.setNow(later(t0, minute * 60));
      expect((await tryLogin(ctx, user.email, 'Wrong2026pass', { remoteAddress: ATTACKER })).statusCode).toBe(401);
    }
    // The attacker's own address is slowed to the cap …
    ctx.setNow(later(t0, 90 * 60));
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD, { remoteAddress: ATTACKER })).statusCode).toBe(401);
    // … the owner, elsewhere, logs in (at worst after the account-wide minute).
    ctx.setNow(later(t0, 90 * 60 + 61));
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD, { remoteAddress: OWNER })).statusCode).toBe(200);
    const checked = count(await actionsOf(user.id), 'auth.login_failed');
    expect(checked).toBeGreaterThan(5);
    expect(checked).toBeLessThanOrEqual(25); // 5 free, 2 s … 512 s, then one per 15 min
  });

  it('many addresses together get no more than the account-wide allowance', async () => {
    const { user } = await freshUser();
    ctx.setNow(new Date());
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => tryLogin(ctx, user.email, `Wrong2026pass${i}`, { remoteAddress: `192.0.2.${i + 1}` })),
    );
    expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    expect(count(await actionsOf(user.id), 'auth.login_failed')).toBe(20);
  });
});

describe('password change throttling', () => {
  it('after 5 wrong current passwords answers 429 with Retry-After, even for the right one; 10 concurrent tries check at most 5', async () => {
    const { user } = await freshUser(['org_member']);
    const client = await login(ctx.app, user.email);
    const t0 = new Date();
    ctx.setNow(t0);
    const wrong = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.post('/api/v1/auth/password', { currentPassword: `Wrong2026pass${i}`, newPassword: 'Brand2026newpass' }),
      ),
    );
    const statuses = wrong.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(400), ...Array(5).fill(429)]);
    expect(count(await actionsOf(user.id), 'auth.password_change_failed')).toBe(5);

    const right = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand2026newpass' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({
      code: 'PASSWORD_CHANGE_THROTTLED',
      message: expect.stringContaining('当前密码输错次数过多'),
    });
    expect(right.headers['retry-after']).toBe('2');
    expect((await tryLogin(ctx, user.email, 'Brand2026newpass')).statusCode).toBe(401); // unchanged

    ctx.setNow(later(t0, 2));
    expect(
      (await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand2026newpass' })).statusCode,
    ).toBe(204);
    expect(count(await actionsOf(user.id), 'auth.password_change_throttled')).toBe(1);
  });
});

describe('password rule', () => {
  it('refuses a short, a common and a guessable password, and one built from the email, naming the field', async () => {
    const { user } = await freshUser();
    const client = await login(ctx.app, user.email);
    const local = user.email.split('@')[0]!;
    const cases: [string, string][] = [
      ['Short2026', '至少10位'],
      ['Password2026', '过于常见'],
      ['Qwerty123456', '过于常见'],
      ['1qaz2wsx3edc', '过于常见'],
      [`${local}X2026`, '邮箱用户名'],
    ];
    for (const [newPassword, message] of cases) {
      const res = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual([{ path: 'newPassword', message: expect.stringContaining(message) }]);
    }
    expect((await tryLogin(ctx, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('registration refuses an admin password that contains the admin email', async () => {
    const email = `wangjingli${Date.now().toString(36)}@reg.example.cn`;
    const body = {
      name: '重庆密码规则测试有限公司',
      creditCode: randomCreditCode(),
      kind: 'ai_company',
      regionCode: '500112',
      contactName: '王经理',
      contactPhone: '023-63891234',
      admin: { email, displayName: '王经理', password: `${email.split('@')[0]}A1` },
    };
    const res = await anonymous(ctx.app).post('/api/v1/organizations/register', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'admin.password', message: '密码不能包含邮箱用户名' }]);
    const ok = await anonymous(ctx.app).post('/api/v1/organizations/register', {
      ...body,
      admin: { ...body.admin, password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('CSRF', () => {
  it('refuses a POST carrying the session cookie but no x-csrf-token, and changes nothing', async () => {
    const call = await makeCall(ctx.services);
    const { client } = await orgUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: { cookie: client.cookie! },
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
      title: 'CSRF测试征集',
      listType: 'scenario_need',
      description: '这是一个用于测试跨站请求伪造防护的征集。',
      opensAt: new Date(Date.now() + 86400_000).toISOString(),
      closesAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
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
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/submissions/${id}`,
      headers,
      payload: { data: { title: '被篡改的标题' } },
    });
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
    expect((await first.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another2026pass' })).statusCode).toBe(
      401,
    );
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
  beforeAll(async () => {
    limited = await createTestContext({ config: { loginRateLimitPerMinute: 3 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

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
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: { email: user.email, password: 'Wrong2026pass' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
