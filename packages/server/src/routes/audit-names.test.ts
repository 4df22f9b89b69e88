import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, orgUser, platformUser, scenarioNeedData, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('the audit log names what it shows', () => {
  it('gives each entry its object’s current name (a submission’s title, a person’s name), not only an id', async () => {
    const call = await makeCall(ctx.services);
    const { client, org } = await orgUser(ctx);
    const operator = (await platformUser(ctx)).client;
    const id = (
      await client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: '审计日志显示名称的场景' }) })
    ).json().id as string;

    const entries = (await operator.get(`/api/v1/audit?entityType=submission&entityId=${id}`)).json().items as {
      entityId: string;
      entityName: string | null;
      actorLabel: string;
    }[];
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatchObject({ entityId: id, entityName: '审计日志显示名称的场景' });
    expect(entries[0]!.actorLabel).toMatch(/^.+ <.+@.+>$/);

    const newUser = await operator.post(`/api/v1/organizations/${org.id}/users`, {
      email: `audit-name-${Date.now()}@test.example.cn`,
      displayName: '林审计',
      password: 'Audit2026names',
      roles: ['org_member'],
    });
    expect(newUser.statusCode).toBe(201);
    const userEntries = (await operator.get(`/api/v1/audit?entityType=user&entityId=${newUser.json().id}`)).json().items as {
      entityName: string | null;
    }[];
    expect(userEntries.map((e) => e.entityName)).toContain('林审计');

    const callEntries = (await operator.get(`/api/v1/audit?entityType=call&entityId=${call.id}`)).json().items as {
      entityName: string | null;
    }[];
    for (const e of callEntries) expect(e.entityName).toBe(call.title);
  });
});
