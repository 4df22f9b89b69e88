import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  orgUser,
  platformUser,
  randomCreditCode,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../testing.js';

let ctx: TestContext;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

const VALID_CODE = '91350100M000100Y43'; // a real-form code with a correct check character
let n = 0;
function registration(overrides: Record<string, unknown> = {}, admin: Record<string, unknown> = {}) {
  n++;
  return {
    name: `重庆智造科技有限公司${n}`,
    creditCode: randomCreditCode(),
    kind: 'ai_company',
    regionCode: '500112',
    address: '重庆市渝北区金开大道1号',
    contactName: '王经理',
    contactPhone: '023-63891234',
    admin: { email: `admin${n}-${Date.now()}@reg.example.cn`, displayName: '王经理', password: TEST_PASSWORD, ...admin },
    ...overrides,
  };
}

async function orgsMatching(q: string) {
  const res = await operator.get(`/api/v1/organizations?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; creditCode: string; status: string }[]; total: number };
}

async function register(body: Record<string, unknown>) {
  return anonymous(ctx.app).post('/api/v1/organizations/register', body);
}

describe('registration', () => {
  it('registers with a valid credit code: 201, pending, audited, admin user with org_admin', async () => {
    const body = registration({ creditCode: VALID_CODE, regionCode: '350100' });
    // 350100 (福州市) is not in the platform's region table: refused before anything is written.
    const badRegion = await register(body);
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().error.code).toBe('VALIDATION_FAILED');
    expect(badRegion.json().error.details.map((d: { path: string }) => d.path)).toContain('regionCode');
    expect((await orgsMatching(VALID_CODE)).total).toBe(0);

    const res = await register({ ...body, regionCode: '500112' });
    expect(res.statusCode).toBe(201);
    const { organization, user } = res.json();
    expect(organization).toMatchObject({
      name: body.name,
      creditCode: VALID_CODE,
      kind: 'ai_company',
      regionCode: '500112',
      regionName: '重庆市渝北区',
      status: 'pending',
      statusReason: null,
      allowedActions: [],
    });
    expect(user).toMatchObject({ email: body.admin.email, roles: ['org_admin'], organizationId: organization.id });
    expect(user.passwordHash).toBeUndefined();

    const listed = await orgsMatching(VALID_CODE);
    expect(listed.items.map((o) => [o.id, o.status])).toEqual([[organization.id, 'pending']]);
    const pending = (await operator.get('/api/v1/organizations?status=pending&pageSize=100')).json().items.map((o: { id: string }) => o.id);
    expect(pending).toContain(organization.id);

    const events = (await operator.get(`/api/v1/audit?entityType=organization&entityId=${organization.id}`)).json().items;
    expect(events).toMatchObject([{ action: 'organization.registered', toState: 'pending', actorLabel: 'system' }]);
  });

  it('refuses a wrong check character with the Chinese message at creditCode, creating nothing', async () => {
    const badCode = '91350100M000100Y44';
    const body = registration({ creditCode: badCode });
    const res = await register(body);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    const detail = (error.details as { path: string; message: string }[]).find((d) => d.path === 'creditCode');
    expect(detail).toBeDefined();
    expect(detail!.message).toContain('统一社会信用代码校验位不正确');
    expect(error.message).toContain('统一社会信用代码校验位不正确');

    expect((await orgsMatching(badCode)).total).toBe(0);
    expect((await orgsMatching(String(body.name))).total).toBe(0);
    const loginAttempt = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: body.admin.email, password: TEST_PASSWORD },
    });
    expect(loginAttempt.statusCode).toBe(401);
  });

  it('refuses a duplicate credit code (also typed in lower case) with 409 CREDIT_CODE_TAKEN', async () => {
    const code = randomCreditCode('91500105');
    expect((await register(registration({ creditCode: code }))).statusCode).toBe(201);
    for (const again of [code, code.toLowerCase()]) {
      const body = registration({ creditCode: again });
      const res = await register(body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CREDIT_CODE_TAKEN');
      // The admin of the refused registration does not exist.
      const attempt = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: body.admin.email, password: TEST_PASSWORD },
      });
      expect(attempt.statusCode).toBe(401);
    }
    expect((await orgsMatching(code)).total).toBe(1);
  });

  it('refuses a duplicate admin email (any letter case) with 409 EMAIL_TAKEN, creating no organisation', async () => {
    const first = registration();
    expect((await register(first)).statusCode).toBe(201);
    const second = registration({}, { email: String(first.admin.email).toUpperCase() });
    const res = await register(second);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    expect((await orgsMatching(String(second.creditCode))).total).toBe(0);
  });

  it('concurrent registrations with the same credit code or email: exactly one wins, the rest get 409', async () => {
    const code = randomCreditCode('91500108');
    const bodies = [0, 1, 2, 3].map(() => registration({ creditCode: code }));
    const byCode = await Promise.all(bodies.map((b) => register(b)));
    expect(byCode.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(byCode.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'CREDIT_CODE_TAKEN')).toBe(true);
    expect((await orgsMatching(code)).total).toBe(1);

    const email = `race-${Date.now()}@reg.example.cn`;
    const sameEmail = [0, 1, 2, 3].map(() => registration({}, { email }));
    const byEmail = await Promise.all(sameEmail.map((b) => register(b)));
    expect(byEmail.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(byEmail.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'EMAIL_TAKEN')).toBe(true);
    // The losers left no organisation behind.
    const created = await Promise.all(sameEmail.map((b) => orgsMatching(String(b.creditCode))));
    expect(created.map((c) => c.total).sort()).toEqual([0, 0, 0, 1]);
  });

  it('refuses an unknown region code with 400', async () => {
    const body = registration({ regionCode: '999999' });
    const res = await register(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'regionCode' })]));
    expect((await orgsMatching(String(body.creditCode))).total).toBe(0);
  });

  it('refuses a weak admin password and a malformed phone', async () => {
    const weak = await register(registration({}, { password: 'abcdefghij' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((d: { path: string }) => d.path)).toContain('admin.password');
    const phone = await register(registration({ contactPhone: '12345' }));
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details.map((d: { path: string }) => d.path)).toContain('contactPhone');
  });
});

describe('review lifecycle', () => {
  async function registerAndLogin() {
    const body = registration();
    const res = await register(body);
    expect(res.statusCode).toBe(201);
    const id = res.json().organization.id as string;
    return { id, admin: await login(ctx.app, String(body.admin.email)) };
  }

  it('a pending organisation’s admin can log in but not create drafts until the operator approves', async () => {
    const call = await makeCall(ctx.services);
    const { id, admin } = await registerAndLogin();
    const me = (await admin.get('/api/v1/auth/me')).json();
    expect(me.user.organization).toMatchObject({ id, status: 'pending' });
    expect((await admin.get(`/api/v1/organizations/${id}`)).json()).toMatchObject({ id, status: 'pending', allowedActions: [] });

    const refused = await admin.post('/api/v1/submissions', { callId: call.id, data: { title: '待审核机构的草稿' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ORGANIZATION_NOT_APPROVED');
    expect((await admin.get('/api/v1/submissions')).json().total).toBe(0);

    // The organisation cannot approve itself.
    const self = await admin.post(`/api/v1/organizations/${id}/transitions`, { action: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('FORBIDDEN');

    const approved = await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id, status: 'approved', allowedActions: [] });

    // The same session now may create a draft: the organisation status is read per request.
    const draft = await admin.post('/api/v1/submissions', { callId: call.id, data: { title: '通过审核后的草稿' } });
    expect(draft.statusCode).toBe(201);

    const again = await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'approve' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ILLEGAL_TRANSITION');

    const events = (await operator.get(`/api/v1/audit?entityType=organization&entityId=${id}`))
      .json()
      .items.map((e: { action: string; fromState: string | null; toState: string | null }) => [e.action, e.fromState, e.toState]);
    expect(events).toEqual([
      ['organization.approve', 'pending', 'approved'],
      ['organization.registered', null, 'pending'],
    ]);
  });

  it('reject needs a reason and records it; the org admin reapplies; then it can be approved', async () => {
    const { id, admin } = await registerAndLogin();
    const pendingView = (await operator.get(`/api/v1/organizations/${id}`)).json();
    expect(pendingView.allowedActions.sort()).toEqual(['approve', 'reject']);

    for (const reason of [undefined, '   ']) {
      const res = await operator.post(`/api/v1/organizations/${id}/transitions`, {
        action: 'reject',
        ...(reason === undefined ? {} : { reason }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('REASON_REQUIRED');
    }
    expect((await operator.get(`/api/v1/organizations/${id}`)).json().status).toBe('pending');

    const rejected = await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'reject', reason: '营业执照照片不清晰' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: '营业执照照片不清晰' });
    const adminView = (await admin.get(`/api/v1/organizations/${id}`)).json();
    expect(adminView).toMatchObject({ status: 'rejected', statusReason: '营业执照照片不清晰', allowedActions: ['reapply'] });

    // Only the organisation's own admin reapplies; the operator cannot do it for them.
    const byOperator = await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'reapply' });
    expect(byOperator.statusCode).toBe(403);
    const reapplied = await admin.post(`/api/v1/organizations/${id}/transitions`, { action: 'reapply' });
    expect(reapplied.statusCode).toBe(200);
    expect(reapplied.json()).toMatchObject({ status: 'pending', statusReason: null });

    expect((await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'approve' })).json().status).toBe('approved');

    const history = (await operator.get(`/api/v1/audit?entityType=organization&entityId=${id}`))
      .json()
      .items.map((e: { action: string; reason: string | null }) => [e.action, e.reason])
      .reverse();
    expect(history).toEqual([
      ['organization.registered', null],
      ['organization.reject', '营业执照照片不清晰'],
      ['organization.reapply', null],
      ['organization.approve', null],
    ]);
  });

  it('refuses unknown actions and transitions by other organisations', async () => {
    const { id } = await registerAndLogin();
    const unknown = await operator.post(`/api/v1/organizations/${id}/transitions`, { action: 'promote' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_ACTION');
    const stranger = await orgUser(ctx);
    const res = await stranger.client.post(`/api/v1/organizations/${id}/transitions`, { action: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await operator.get(`/api/v1/organizations/${id}`)).json().status).toBe('pending');
  });
});

describe('organisation users', () => {
  it('the org admin adds a member, who can log in; the admin cannot grant operator', async () => {
    const { org, client: admin } = await orgUser(ctx);
    const email = `member-${Date.now()}@org.example.cn`;
    const res = await admin.post(`/api/v1/organizations/${org.id}/users`, {
      email,
      displayName: '赵成员',
      password: 'Member2026pass',
      roles: ['org_member'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, roles: ['org_member'], organizationId: org.id });
    const member = await login(ctx.app, email, 'Member2026pass');
    expect((await member.get('/api/v1/auth/me')).json().user).toMatchObject({ roles: ['org_member'], organization: { id: org.id } });

    const listed = (await admin.get(`/api/v1/organizations/${org.id}/users`)).json().items.map((u: { email: string }) => u.email);
    expect(listed).toContain(email);
    expect(listed).toHaveLength(2);

    const escalate = await admin.post(`/api/v1/organizations/${org.id}/users`, {
      email: `op-${Date.now()}@org.example.cn`,
      displayName: '越权用户',
      password: 'Member2026pass',
      roles: ['org_member', 'operator'],
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.code).toBe('FORBIDDEN');
    for (const role of ['reviewer', 'broker']) {
      const r = await admin.post(`/api/v1/organizations/${org.id}/users`, {
        email: `${role}-${Date.now()}@org.example.cn`,
        displayName: '越权用户',
        password: 'Member2026pass',
        roles: [role],
      });
      expect(r.statusCode, role).toBe(403);
    }
    expect((await admin.get(`/api/v1/organizations/${org.id}/users`)).json().items).toHaveLength(2);

    // A member (not admin) may neither list nor add users.
    expect((await member.get(`/api/v1/organizations/${org.id}/users`)).statusCode).toBe(403);
    const byMember = await member.post(`/api/v1/organizations/${org.id}/users`, {
      email: `m2-${Date.now()}@org.example.cn`,
      displayName: '钱成员',
      password: 'Member2026pass',
      roles: ['org_member'],
    });
    expect(byMember.statusCode).toBe(403);

    // Duplicate email.
    const dup = await admin.post(`/api/v1/organizations/${org.id}/users`, {
      email,
      displayName: '重复用户',
      password: 'Member2026pass',
      roles: ['org_member'],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');

    // The addition is audited.
    const memberId = res.json().id as string;
    const events = (await operator.get(`/api/v1/audit?entityType=user&entityId=${memberId}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(events).toContain('user.created');
  });

  it('another organisation’s admin gets 404 on this organisation and its users', async () => {
    const a = await orgUser(ctx);
    const b = await orgUser(ctx);
    for (const res of [
      await b.client.get(`/api/v1/organizations/${a.org.id}/users`),
      await b.client.get(`/api/v1/organizations/${a.org.id}`),
      await b.client.post(`/api/v1/organizations/${a.org.id}/users`, {
        email: `intruder-${Date.now()}@org.example.cn`,
        displayName: '入侵者',
        password: 'Member2026pass',
        roles: ['org_member'],
      }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await a.client.get(`/api/v1/organizations/${a.org.id}/users`)).json().items).toHaveLength(1);
  });

  it('the operator may list and add users of any organisation, including platform roles', async () => {
    const a = await orgUser(ctx);
    const res = await operator.post(`/api/v1/organizations/${a.org.id}/users`, {
      email: `admin2-${Date.now()}@org.example.cn`,
      displayName: '孙管理员',
      password: 'Member2026pass',
      roles: ['org_admin'],
    });
    expect(res.statusCode).toBe(201);
    expect((await operator.get(`/api/v1/organizations/${a.org.id}/users`)).json().items).toHaveLength(2);
  });

  it('the organisation list is for operators only', async () => {
    const a = await orgUser(ctx);
    expect((await a.client.get('/api/v1/organizations')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/v1/organizations')).statusCode).toBe(401);
  });
});
