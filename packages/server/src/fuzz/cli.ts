/**
 * `npm run fuzz -- --runs N [--seed S] [--only 'POST /api/v1/calls'] [--no-shrink]`: the API
 * fuzz test with more runs per operation, a random seed unless given, and failures shrunk to a
 * minimal request. It runs under vitest (the fixtures use vitest's expect).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string' },
    only: { type: 'string' },
    'no-shrink': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: ${runs} runs per operation, seed ${seed}${values.only ? `, only ${values.only}` : ''}`);

const result = spawnSync('npx', ['vitest', 'run', 'packages/server/src/fuzz/api.fuzz.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: String(runs),
    FUZZ_SEED: seed,
    FUZZ_LONG: '1',
    FUZZ_SHRINK: values['no-shrink'] ? '0' : '1',
    ...(values.only ? { FUZZ_ONLY: values.only } : {}),
  },
});
process.exit(result.status ?? 1);
