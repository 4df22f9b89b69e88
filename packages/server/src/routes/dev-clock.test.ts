import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const T0 = new Date('2026-12-01T02:00:00Z');

describe('the time-travel clock (SCENEBRIDGE_TIME_TRAVEL=on only)', () => {
  let ctx: TestContext;
  let operator: Client;
  let org: Client;
  beforeAll(async () => {
    ctx = await createTestContext({ now: T0, config: { timeTravel: true } });
    ({ client: operator } = await platformUser(ctx));
    ({ client: org } = await orgUser(ctx));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('moves forward for the operator only, refuses bad input without moving, and is audited', async () => {
    expect((await org.post('/api/v1/dev/clock', { hours: 24 })).statusCode).toBe(403);
    for (const bad of [{ hours: 0 }, { hours: -5 }, { hours: 1.5 }, { hours: 24 * 61 }, {}, { hours: 2, extra: 1 }]) {
      expect((await operator.post('/api/v1/dev/clock', bad)).statusCode).toBe(400);
    }
    expect(ctx.services.now().toISOString()).toBe(T0.toISOString());
    const res = await operator.post('/api/v1/dev/clock', { hours: 48 });
    expect(res.statusCode, res.body).toBe(200);
    const moved = new Date(T0.getTime() + 48 * 3600_000).toISOString();
    expect(res.json()).toEqual({ now: moved });
    expect(ctx.services.now().toISOString()).toBe(moved);
    const audit = await ctx.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'clock.advanced'));
    expect(audit.map((a) => a.data)).toEqual([{ from: T0.toISOString(), to: moved, hours: 48 }]);
  });
});

describe('without time travel', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ now: T0 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  it('the route does not exist and the clock cannot move', async () => {
    const { client: operator } = await platformUser(ctx);
    expect((await operator.post('/api/v1/dev/clock', { hours: 24 })).statusCode).toBe(404);
    expect(ctx.services.clock).toBeUndefined();
  });
});
