import { schema } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@scenebridge/app/seed';
import { anonymous, createTestContext, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => ctx?.close());

describe('demo data', () => {
  it('comes with a published batch per list type, searchable by anyone, and is seeded once', async () => {
    const first = await seedDemoData({ services: ctx.services });
    expect(first.created).toBe(true);
    const batches = await ctx.services.db.select().from(schema.batches);
    expect(batches.map((b) => b.listType).sort()).toEqual(['capability', 'scenario_need']);
    expect(batches.every((b) => b.entryCount > 10)).toBe(true);

    const needs = (await anonymous(ctx.app).get('/api/v1/search?listType=scenario_need')).json();
    expect(needs.total).toBe(batches.find((b) => b.listType === 'scenario_need')!.entryCount);
    expect(needs.facets.sector.length).toBeGreaterThan(3);

    expect((await seedDemoData({ services: ctx.services })).created).toBe(false);
    expect(await ctx.services.db.select().from(schema.batches)).toHaveLength(2);
  });
});
