/**
 * The statistics equal a direct sum over the current versions of the registered contracts,
 * property-based: random contracts with changes and cancellations (registered or still pending),
 * other statuses, dates around the period's edges; every breakdown, the month series with last
 * year's months, the target actual and the statistical report's cells and totals are compared
 * with sums computed here from the generated model.
 */
import { schema } from '@scenebridge/db';
import { eq } from 'drizzle-orm';
import { CONTRACT_TYPES, LEGAL_NATURES } from '@scenebridge/domain';
import { fenToWanYuan } from '@scenebridge/domain/dashboard';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.js';
import { readDashboard } from './get-dashboard.js';
import { statisticsReport } from './export-statistics-report.js';
import { addContract, dashboardWorld, type DashboardWorld } from './testing.js';

let ctx: TestContext;
let w: DashboardWorld;
beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2026-12-20T04:00:00Z') });
  w = await dashboardWorld(ctx.services);
});
afterAll(() => ctx.close());

const REGIONS = ['500112', '500103', '110108', '310115'];
const FIELDS = ['computer_vision', 'nlp', null] as const;

const terms = fc.record({
  signedOn: fc.oneof(
    fc.constantFrom('2025-01-01', '2025-12-31', '2026-01-01', '2026-12-31', '2027-01-01', '2026-02-28', '2025-02-28'),
    fc
      .date({ min: new Date('2024-11-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  contractType: fc.constantFrom(...(CONTRACT_TYPES as readonly string[])),
  region: fc.constantFrom(...REGIONS),
  nature: fc.constantFrom(...(LEGAL_NATURES as readonly string[]).slice(0, 4)),
  field: fc.constantFrom(...FIELDS),
  contractAmountFen: fc.integer({ min: 0, max: 5_000_000_000_00 }),
  techShare: fc.integer({ min: 0, max: 100 }),
});
type Terms = typeof terms extends fc.Arbitrary<infer T> ? T : never;

const lineage = fc.record({
  original: terms,
  status: fc.constantFrom('registered', 'registered', 'registered', 'submitted', 'draft', 'refused', 'returned', 'accepted'),
  followUps: fc.array(fc.record({ kind: fc.constantFrom('change', 'cancellation'), registered: fc.boolean(), terms }), { maxLength: 3 }),
});

interface Current extends Terms {
  technologyAmountFen: number;
}
const tech = (t: Terms) => Math.floor((t.contractAmountFen * t.techShare) / 100);

/** Inserts the lineages as versions would be registered; answers the current versions. */
type Lineage = typeof lineage extends fc.Arbitrary<infer L> ? L : never;
async function insertLineages(ls: Lineage[]) {
  const current: Current[] = [];
  for (const l of ls) {
    const first = await addContract(ctx.services, w, {
      status: l.status,
      contractType: l.original.contractType,
      technologyField: l.original.field,
      sellerRegionCode: l.original.region,
      sellerNatureCode: l.original.nature,
      signedOn: l.original.signedOn,
      contractAmountFen: l.original.contractAmountFen,
      technologyAmountFen: tech(l.original),
    });
    if (l.status !== 'registered') continue;
    let live: { id: string; terms: Terms } | null = { id: first.id, terms: l.original };
    let versionNo = 1;
    for (const f of l.followUps) {
      if (!live) break;
      const t: Terms = f.kind === 'cancellation' ? live.terms : f.terms;
      const v = await addContract(ctx.services, w, {
        lineageId: first.lineageId,
        versionNo: ++versionNo,
        kind: f.kind as 'change' | 'cancellation',
        supersedesId: live.id,
        status: f.registered ? 'registered' : 'submitted',
        contractType: t.contractType,
        technologyField: t.field,
        sellerRegionCode: t.region,
        sellerNatureCode: t.nature,
        signedOn: t.signedOn,
        contractAmountFen: t.contractAmountFen,
        technologyAmountFen: tech(t),
      });
      if (!f.registered) break; // a pending version blocks further ones until decided
      await ctx.services.db
        .update(schema.techContracts)
        .set({ supersededAt: ctx.services.now() })
        .where(eq(schema.techContracts.id, live.id));
      live = f.kind === 'cancellation' ? null : { id: v.id, terms: t };
    }
    if (live) current.push({ ...live.terms, technologyAmountFen: tech(live.terms) });
  }
  return current;
}

function sums(rows: Current[], key: (c: Current) => string) {
  const m = new Map<string, { count: number; contractAmountFen: number; technologyAmountFen: number }>();
  for (const r of rows) {
    const k = key(r);
    const s = m.get(k) ?? { count: 0, contractAmountFen: 0, technologyAmountFen: 0 };
    s.count++;
    s.contractAmountFen += r.contractAmountFen;
    s.technologyAmountFen += r.technologyAmountFen;
    m.set(k, s);
  }
  return m;
}
const asMap = (groups: { key: string; count: number; contractAmountFen: number; technologyAmountFen: number }[]) =>
  new Map(
    groups.map((g) => [g.key, { count: g.count, contractAmountFen: g.contractAmountFen, technologyAmountFen: g.technologyAmountFen }]),
  );

describe('turnover statistics', () => {
  it('equal a direct sum over the current registered versions (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineage, { minLength: 0, maxLength: 12 }), async (ls) => {
        await ctx.services.db.delete(schema.techContracts);
        const current = await insertLineages(ls);
        const inYear = current.filter((c) => c.signedOn.startsWith('2026-'));
        const lastYear = current.filter((c) => c.signedOn.startsWith('2025-'));
        const d = await readDashboard(ctx.services, { year: 2026 });

        const total = sums(inYear, () => 'all').get('all') ?? { count: 0, contractAmountFen: 0, technologyAmountFen: 0 };
        expect(d.turnover.total).toEqual(total);
        expect(d.turnover.previousTotal).toEqual(
          sums(lastYear, () => 'all').get('all') ?? { count: 0, contractAmountFen: 0, technologyAmountFen: 0 },
        );
        expect(asMap(d.turnover.byType)).toEqual(sums(inYear, (c) => c.contractType));
        expect(asMap(d.turnover.byDistrict)).toEqual(sums(inYear, (c) => c.region));
        expect(asMap(d.turnover.bySellerKind)).toEqual(sums(inYear, (c) => c.nature));
        expect(asMap(d.turnover.byField)).toEqual(sums(inYear, (c) => c.field ?? ''));
        // Ranked: the largest turnover first.
        const ranked = d.turnover.byDistrict.map((g) => g.contractAmountFen);
        expect(ranked).toEqual([...ranked].sort((a, b) => b - a));

        const months = sums(inYear, (c) => c.signedOn.slice(0, 7));
        const before = sums(lastYear, (c) => `2026${c.signedOn.slice(4, 7)}`);
        expect(d.turnover.byMonth.map((m) => m.month)).toEqual(
          Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
        );
        for (const m of d.turnover.byMonth) {
          expect([m.count, m.contractAmountFen, m.technologyAmountFen]).toEqual([
            months.get(m.month)?.count ?? 0,
            months.get(m.month)?.contractAmountFen ?? 0,
            months.get(m.month)?.technologyAmountFen ?? 0,
          ]);
          expect([m.previousCount, m.previousContractAmountFen]).toEqual([
            before.get(m.month)?.count ?? 0,
            before.get(m.month)?.contractAmountFen ?? 0,
          ]);
        }
        expect(d.targets.find((t) => t.metric === 'contract_turnover_fen')!.value).toBe(total.contractAmountFen);

        // The statistical report: type × region cells and the totals, in 分 and exact 万元.
        const report = await statisticsReport(ctx.services, { year: 2026 });
        expect(report.total).toEqual({
          count: total.count,
          contractFen: total.contractAmountFen,
          technologyFen: total.technologyAmountFen,
        });
        const cells = sums(inYear, (c) => `${c.contractType}|${c.region}`);
        for (const row of report.rows)
          report.regions.forEach((r, i) => {
            const want = cells.get(`${row.type}|${r.code}`);
            expect(row.cells[i]).toEqual({
              count: want?.count ?? 0,
              contractFen: want?.contractAmountFen ?? 0,
              technologyFen: want?.technologyAmountFen ?? 0,
            });
          });
        expect(fenToWanYuan(report.total.contractFen)).toBe(fenToWanYuan(total.contractAmountFen));
        // Category subtotals: each the sum of its sub-types' rows; together, the whole total.
        for (const cat of report.categories) {
          const mine = report.rows.filter((r) => cat.types.includes(r.type));
          expect(cat.total.contractFen).toBe(mine.reduce((s, r) => s + r.total.contractFen, 0));
          expect(cat.total.count).toBe(mine.reduce((s, r) => s + r.total.count, 0));
        }
        expect(report.categories.reduce((s, c) => s + c.total.contractFen, 0)).toBe(report.total.contractFen);
      }),
      { numRuns: 25 },
    );
  });

  it('counts a contract by its signing date in Shanghai, the whole of 31 December included', async () => {
    await ctx.services.db.delete(schema.techContracts);
    await addContract(ctx.services, w, { signedOn: '2026-12-31', contractAmountFen: 123_456_789, technologyAmountFen: 100 });
    await addContract(ctx.services, w, { signedOn: '2027-01-01', contractAmountFen: 5, technologyAmountFen: 5 });
    const d = await readDashboard(ctx.services, { year: 2026 });
    expect(d.turnover.total.contractAmountFen).toBe(123_456_789);
    expect(fenToWanYuan(d.turnover.total.contractAmountFen)).toBe('123.46');
  });
});
