import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listJobRuns, openDatabase, type DatabaseHandle, type JobRunRow } from '@scenebridge/db';
import type { Services } from '../context.js';
import { createServices } from '../services.js';
import { createTestContext, type TestContext } from '../testing.js';
import { createJobRunner, type JobDefinition, type JobLogger } from './registry.js';

const INTERVAL = 30_000;
const LEASE = 120_000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const log: JobLogger = {
    debug: (_o, msg = '') => void lines.push({ level: 'debug', msg }),
    warn: (_o, msg = '') => void lines.push({ level: 'warn', msg }),
    error: (_o, msg = '') => void lines.push({ level: 'error', msg }),
  };
  return { log, lines };
}

/** A job that counts its runs; `hold` makes each run wait until released. */
function countingJob(name: string, o: { hold?: Promise<void>; fail?: (n: number) => boolean; onRun?: () => void } = {}) {
  const started = deferred();
  const job = {
    runs: 0,
    started: started.promise,
    def: {
      name,
      intervalMs: INTERVAL,
      leaseMs: LEASE,
      run: async () => {
        job.runs++;
        started.resolve();
        o.onRun?.();
        if (o.hold) await o.hold;
        if (o.fail?.(job.runs)) throw new Error(`run ${job.runs} failed`);
      },
    } satisfies JobDefinition,
  };
  return job;
}

describe('job registry', () => {
  let ctx: TestContext;
  let now: Date;
  let one: Services;
  /** A second process: its own pool on the server; PGlite has one connection, so the same handle. */
  let other: Services;
  let otherHandle: DatabaseHandle | null = null;
  let seq = 0;
  const jobName = () => `test.job-${++seq}`;
  const row = async (name: string): Promise<JobRunRow | undefined> => (await listJobRuns(one.db)).find((r) => r.name === name);

  beforeAll(async () => {
    ctx = await createTestContext();
    one = ctx.services;
    let db = ctx.services.db;
    if (process.env.DATABASE_URL) {
      // The harness made a fresh database; its location names it (the password masked, so take the path only).
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = new URL(ctx.handle.location).pathname;
      otherHandle = await openDatabase({ url: u.toString(), poolSize: 2, migrate: false });
      db = otherHandle.db;
    }
    other = createServices(db, ctx.services.config, () => ctx.services.now());
  });
  afterAll(async () => {
    await otherHandle?.close();
    await ctx?.close();
  });
  beforeEach(() => {
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(now);
  });
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
    ctx.setNow(now);
  };

  it('runs a job once when two processes tick it at the same moment, and again after its interval', async () => {
    const name = jobName();
    const release = deferred();
    // Should both runs start (the bug this guards against), the second lets them finish.
    const bothRan = () => {
      if (a.runs + b.runs === 2) release.resolve();
    };
    const a = countingJob(name, { hold: release.promise, onRun: bothRan });
    const b = countingJob(name, { hold: release.promise, onRun: bothRan });
    const ra = createJobRunner(one, [a.def], recordingLog().log);
    const rb = createJobRunner(other, [b.def], recordingLog().log);
    const ticks = [ra.tick(), rb.tick()];
    // One claim wins and its run waits for the release, so the other tick answers first.
    await Promise.race(ticks);
    release.resolve();
    const outcomes = (await Promise.all(ticks)).map((o) => o[name]).sort();
    expect(outcomes).toEqual(['ran', 'skipped']);
    expect(a.runs + b.runs).toBe(1);

    // Released, but not due until its interval has passed, for either process.
    expect((await ra.tick())[name]).toBe('skipped');
    expect((await rb.tick())[name]).toBe('skipped');
    later(INTERVAL);
    expect((await rb.tick())[name]).toBe('ran');
    expect((await ra.tick())[name]).toBe('skipped');
    expect(a.runs + b.runs).toBe(2);
    expect(await row(name)).toMatchObject({ runCount: 2, leasedBy: null, leasedUntil: null, lastError: null, lastStartedAt: now });
  });

  it('leaves a running job to its holder until the lease runs out, then another process takes it over', async () => {
    const name = jobName();
    const release = deferred();
    const a = countingJob(name, { hold: release.promise });
    const b = countingJob(name);
    const aLog = recordingLog();
    const ra = createJobRunner(one, [a.def], aLog.log);
    const rb = createJobRunner(other, [b.def], recordingLog().log);
    const first = ra.tick();
    await a.started;
    expect(await row(name)).toMatchObject({ leasedBy: ra.holder, leasedUntil: new Date(now.getTime() + LEASE) });

    later(INTERVAL); // due again, but the lease is live
    expect((await rb.tick())[name]).toBe('skipped');
    later(LEASE); // the holder is taken for dead
    expect((await rb.tick())[name]).toBe('ran');
    expect(b.runs).toBe(1);
    const takenOver = await row(name);
    expect(takenOver).toMatchObject({ leasedBy: null, runCount: 2, lastFinishedAt: now });

    // The old holder finishing late must not overwrite the row of the run that took over.
    release.resolve();
    expect((await first)[name]).toBe('ran');
    expect(await row(name)).toEqual(takenOver);
    expect(aLog.lines).toContainEqual({ level: 'warn', msg: `job ${name} outlived its lease: another process may have run it too` });
  });

  it('records a failure in the job row and the log, keeps other jobs running, and runs the job again next tick', async () => {
    const failing = countingJob(jobName(), { fail: (n) => n === 1 });
    const healthy = countingJob(jobName());
    const { log, lines } = recordingLog();
    const runner = createJobRunner(one, [failing.def, healthy.def], log);

    expect(await runner.tick()).toEqual({ [failing.def.name]: 'failed', [healthy.def.name]: 'ran' });
    expect(await row(failing.def.name)).toMatchObject({
      lastError: 'run 1 failed',
      leasedBy: null,
      leasedUntil: null,
      lastFinishedAt: now,
      runCount: 1,
    });
    expect(lines).toContainEqual({ level: 'error', msg: `job ${failing.def.name} failed` });

    later(INTERVAL);
    expect(await runner.tick()).toEqual({ [failing.def.name]: 'ran', [healthy.def.name]: 'ran' });
    expect(failing.runs).toBe(2);
    expect(await row(failing.def.name)).toMatchObject({ lastError: null, runCount: 2 });
  });

  it('does not start a job again in the same process while its run is still going, even past its lease', async () => {
    const release = deferred();
    // A second run (the bug this guards against) lets both finish rather than hang.
    const slow = countingJob(jobName(), {
      hold: release.promise,
      onRun: () => {
        if (slow.runs === 2) release.resolve();
      },
    });
    const runner = createJobRunner(one, [slow.def], recordingLog().log);
    const first = runner.tick();
    await slow.started;
    later(LEASE + INTERVAL);
    expect((await runner.tick())[slow.def.name]).toBe('busy');
    expect(slow.runs).toBe(1);
    release.resolve();
    expect((await first)[slow.def.name]).toBe('ran');
  });

  it('runs nothing once stopped', async () => {
    const job = countingJob(jobName());
    const runner = createJobRunner(one, [job.def], recordingLog().log);
    await runner.stop();
    expect((await runner.tick())[job.def.name]).toBe('stopped');
    expect(job.runs).toBe(0);
  });

  it('refuses two jobs with one name, and a tick of a job it does not have', async () => {
    const job = countingJob('test.same');
    expect(() => createJobRunner(one, [job.def, job.def], recordingLog().log)).toThrow('duplicate job name: test.same');
    await expect(createJobRunner(one, [job.def], recordingLog().log).tick(['test.other'])).rejects.toThrow('unknown job: test.other');
    expect(job.runs).toBe(0);
  });
});
