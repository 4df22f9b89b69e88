/**
 * Benchmark runner: `npm run bench [-- --only NAME[,NAME…]] [--scale N] [--json]`.
 *
 * Every file in bench/benchmarks/ is a benchmark named after the file (import.ts → `import`)
 * that default-exports a Benchmark (bench/lib/types.ts). Each selected benchmark runs in its
 * own child process (this file with `--child NAME`), so memory figures are not inflated by an
 * earlier benchmark and a stuck one can be stopped. Children print their result as one JSON
 * line on stdout (read by this process) and log to stderr. With --json this process prints
 * exactly one JSON object on stdout; everything else goes to stderr.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeDatabase } from './lib/db.js';
import type { Benchmark, FigureSpec } from './lib/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchmarksDir = path.join(here, 'benchmarks');
/** The order of BENCH.md; benchmarks not listed here run after these, alphabetically. */
const CANONICAL = ['import', 'submissions_api', 'publish', 'public_list', 'search', 'match', 'abuse'];
/** Backstop per benchmark when it declares no time limit of its own, seconds. */
const DEFAULT_TIME_LIMIT_S = 900;

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function discover(): string[] {
  const names = fs
    .readdirSync(benchmarksDir)
    .filter((f) => /^[a-z0-9_]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3));
  const rank = (n: string) => (CANONICAL.includes(n) ? CANONICAL.indexOf(n) : CANONICAL.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function load(name: string): Promise<Benchmark> {
  const mod = (await import(pathToFileURL(path.join(benchmarksDir, `${name}.ts`)).href)) as { default?: Benchmark };
  if (!mod.default || typeof mod.default.run !== 'function')
    throw new Error(`bench/benchmarks/${name}.ts has no default-exported benchmark`);
  return mod.default;
}

interface ChildResult {
  name: string;
  scale: number;
  figures: Record<string, number>;
  specs: FigureSpec[];
  description: string;
  seconds: number;
}

const RESULT_PREFIX = '@@bench-result ';

/** Child mode: run one benchmark in this process and print its result line. */
async function runChild(name: string, scaleArg: number | undefined): Promise<void> {
  const b = await load(name);
  const scale = scaleArg ?? b.defaultScale;
  const limitS = b.timeLimitS ?? DEFAULT_TIME_LIMIT_S;
  const started = Date.now();
  // Hard stop: a benchmark that overruns its limit is a failure, not a hang.
  const killer = setTimeout(() => {
    log(`${name}: exceeded its time limit of ${limitS} s, stopping`);
    process.exit(1);
  }, limitS * 1000);
  killer.unref();
  const figures = await b.run({
    scale,
    log: (m) => log(m),
    // Loops that repeat (extra runs, rounds) stop starting new work after 70 % of the limit.
    deadline: started + limitS * 700,
  });
  clearTimeout(killer);
  for (const [k, v] of Object.entries(figures)) if (typeof v !== 'number') throw new Error(`${name}: figure ${k} is not a number`);
  const result: ChildResult = {
    name,
    scale,
    figures,
    specs: b.figures,
    description: b.description,
    seconds: (Date.now() - started) / 1000,
  };
  await new Promise<void>((resolve) => process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => resolve()));
}

/** Parent mode: one child process per benchmark, in order. */
function runInChild(name: string, scale: number | undefined): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--child',
      name,
      ...(scale !== undefined ? ['--scale', String(scale)] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
    });
    // Backstop above the child's own limit (which cannot fire if its event loop is blocked).
    const backstop = setTimeout(
      () => {
        log(`${name}: no result after ${DEFAULT_TIME_LIMIT_S * 2} s, killing the child process ${child.pid}`);
        child.kill('SIGKILL');
      },
      DEFAULT_TIME_LIMIT_S * 2 * 1000,
    );
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(backstop);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      // Anything else a child printed on stdout must not reach ours (it would break --json).
      const stray = out.split('\n').filter((l) => l && !l.startsWith(RESULT_PREFIX));
      if (stray.length) log(`${name}: (stdout) ${stray.join('\n')}`);
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
      else reject(new Error(`${name} failed (exit ${code ?? signal})`));
    });
  });
}

function format(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String(v);
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function verdict(spec: FigureSpec, v: number): { target: string; mark: string } {
  if (!spec.target) return { target: '', mark: '' };
  const { kind, value } = spec.target;
  const ok = kind === 'min' ? v >= value : v <= value;
  return { target: `${kind === 'min' ? '≥' : '≤'} ${format(value, 0)}`, mark: ok ? 'PASS' : 'FAIL' };
}

function table(results: ChildResult[], failed: string[]): string {
  const rows: string[][] = [['benchmark', 'figure', 'value', 'target', '']];
  for (const r of results) {
    const specs = new Map(r.specs.map((s) => [s.name, s]));
    const names = [...r.specs.map((s) => s.name).filter((n) => n in r.figures), ...Object.keys(r.figures).filter((n) => !specs.has(n))];
    names.forEach((n, i) => {
      const spec = specs.get(n) ?? { name: n };
      const v = r.figures[n]!;
      const { target, mark } = verdict(spec, v);
      rows.push([i === 0 ? r.name : '', n, format(v, spec.digits ?? 2), target, mark]);
    });
    rows.push(['', 'scale', format(r.scale, 0), '', '']);
  }
  for (const f of failed) rows.push([f, '(failed)', '', '', 'FAIL']);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const right = new Set([2]);
  const line = (r: string[]) =>
    r
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const USAGE = `usage: npm run bench [-- --only NAME[,NAME…]] [--scale N] [--json]
  --only   run only these benchmarks (available: ${discover().join(', ')})
  --scale  the main size (rows, submissions, listings, …) instead of each benchmark's default
  --json   print one JSON object {"NAME": {"figure": number, …, "scale": N}} and nothing else on stdout`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        only: { type: 'string', multiple: true },
        scale: { type: 'string' },
        json: { type: 'boolean', default: false },
        child: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    log(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    log(USAGE);
    return 0;
  }
  let scale: number | undefined;
  if (args.scale !== undefined) {
    scale = Number(args.scale.replaceAll('_', '').replaceAll(',', ''));
    if (!Number.isInteger(scale) || scale < 1) {
      log(`--scale must be a positive integer, got "${args.scale}"\n${USAGE}`);
      return 2;
    }
  }
  const available = discover();
  if (args.child) {
    if (!available.includes(args.child)) throw new Error(`unknown benchmark ${args.child}`);
    await runChild(args.child, scale);
    return 0;
  }
  const only = (args.only ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((n) => !available.includes(n));
  if (unknown.length) {
    log(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 2;
  }
  const selected = only.length ? available.filter((n) => only.includes(n)) : available;

  const cpus = os.cpus();
  log(
    `environment: node ${process.version}, ${os.platform()}/${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  log(`database: ${describeDatabase()}`);
  log(`benchmarks: ${selected.join(', ')}${scale !== undefined ? ` at scale ${scale}` : ' at their default scales'}`);

  const results: ChildResult[] = [];
  const failed: string[] = [];
  for (const name of selected) {
    log(
      `── ${name} (load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
    try {
      const r = await runInChild(name, scale);
      log(`${name}: done in ${r.seconds.toFixed(1)} s`);
      results.push(r);
    } catch (e) {
      log(`${name}: ${(e as Error).message}`);
      failed.push(name);
    }
  }

  if (args.json) {
    const out: Record<string, Record<string, number>> = {};
    for (const r of results) {
      const fig: Record<string, number> = {};
      for (const [k, v] of Object.entries(r.figures)) fig[k] = Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v;
      out[r.name] = { ...fig, scale: r.scale };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(`${table(results, failed)}\n`);
  }
  return failed.length ? 1 : 0;
}

const isChild = process.argv.includes('--child');
main().then(
  (code) => {
    if (!isChild) {
      process.exitCode = code;
      return;
    }
    // A benchmark must close what it opened (handles are released a moment after closing);
    // say so if it did not, then leave anyway.
    setTimeout(() => {
      const open = process.getActiveResourcesInfo().filter((r) => !['TTYWrap', 'PipeWrap', 'Timeout', 'Immediate'].includes(r));
      if (open.length) log(`warning: still open after the benchmark: ${open.join(', ')}`);
      process.exit(code);
    }, 200);
  },
  (e) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (isChild) process.exit(1);
    process.exitCode = 1;
  },
);
