/**
 * Bounded fuzz run of the whole API in `npm test`: FUZZ_RUNS generated requests per operation
 * (default 16: 161 operations, about 2,600 requests, ~70 s alone with the fixtures; the bound below leaves room for a
 * loaded machine running the suite in parallel), seeded by FUZZ_SEED (default fixed, so CI runs are repeatable). A longer run:
 * `npm run fuzz -- --runs 300 [--seed N] [--only 'POST /api/v1/calls']`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.js';
import { fuzzApi } from './run.js';
import { buildWorld, type World } from './world.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_401);
const LONG = process.env.FUZZ_LONG === '1';
const SHRINK = process.env.FUZZ_SHRINK === '1';

let ctx: TestContext;
let world: World;

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 100_000 } });
  world = await buildWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

it(
  `every API operation × anonymous / org admin / operator: no 5xx, a refusal changes nothing (seed ${SEED}, ${RUNS} runs each)`,
  async () => {
    const started = performance.now();
    const report = await fuzzApi(ctx, world, {
      runs: RUNS,
      seed: SEED,
      only: process.env.FUZZ_ONLY,
      shrink: SHRINK,
      log: (l) => console.error(l),
    });
    console.log(
      `fuzz: ${report.operations} operations, ${report.sent} requests, ${report.findings.length} findings, seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(1)} s; answers ${JSON.stringify(report.statuses)}`,
    );
    expect(report.operations).toBeGreaterThan(0);
    expect(report.findings.map((f) => `${f.kind} ${f.route}: ${f.detail} — ${f.request} (FUZZ_SEED=${SEED})`)).toEqual([]);
  },
  LONG ? 24 * 3600_000 : 360_000,
);
