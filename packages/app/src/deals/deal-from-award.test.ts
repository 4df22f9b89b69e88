import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAward } from '../awards/testing.js';
import { createTestContext, type AppTestContext } from '../testing.js';
import { dealsFromAwards } from './deal-from-award.js';

let ctx: AppTestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => ctx?.close());

/** What the award's transaction records, heard by the deals' subscriber in a transaction of its own. */
async function announceAward(f: Awaited<ReturnType<typeof makeAward>>) {
  await ctx.services.db.transaction((tx) =>
    dealsFromAwards(
      [
        {
          action: 'award.created',
          entityType: 'award',
          entityId: f.awardId,
          data: { challengeId: f.challengeId, organizationId: f.lead.organizationId, amountFen: f.amountFen },
        },
      ],
      { tx, services: ctx.services, actor: null },
    ),
  );
}

describe('a challenge award becomes a deal', () => {
  it('in negotiating, for the source need, with the winner as supplier and the award amount; once per award', async () => {
    const f = await makeAward(ctx.services, { withNeed: true, amountFen: 2_500_000 });
    await announceAward(f);
    await announceAward(f);
    const rows = await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.awardId, f.awardId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'award',
      status: 'negotiating',
      needId: f.needId,
      demandOrganizationId: f.owner.organizationId,
      supplyOrganizationId: f.lead.organizationId,
      expectedAmountFen: 2_500_000,
    });
    expect(rows[0]!.intentAt).not.toBeNull();
    expect(rows[0]!.negotiatingAt).not.toBeNull();
    const audit = await ctx.services.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, rows[0]!.id));
    expect(audit.map((a) => a.action)).toEqual(['deal.created']);
  });

  it('a challenge without a source need makes no deal', async () => {
    const f = await makeAward(ctx.services);
    await announceAward(f);
    expect(await ctx.services.db.select().from(schema.deals).where(eq(schema.deals.awardId, f.awardId))).toHaveLength(0);
  });
});
