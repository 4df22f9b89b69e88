/**
 * Periodic jobs, each run by one process at a time across every process on the database
 * (docs/adr/0008-job-registry.md). A run takes the job's lease row first (claimJobLease);
 * the row also says when the job last started, so the interval holds for the whole cluster,
 * not per process.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { claimJobLease, releaseJobLease } from '@scenebridge/db';
import type { Services } from '../context.js';

export interface JobDefinition {
  /** Stable: the key of the job's row in job_runs. */
  name: string;
  intervalMs: number;
  /** Longer than a run may take; a crashed holder delays the job by at most this. */
  leaseMs?: number;
  run(services: Services): Promise<unknown>;
  /** Frees what the job holds (a mail connection), once the runner has stopped. */
  close?(): void;
}

export interface JobLogger {
  debug(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** ran / failed: this process ran it; busy: still running here; skipped: leased elsewhere or not due. */
export type JobOutcome = 'ran' | 'failed' | 'busy' | 'skipped' | 'stopped';

export interface JobRunner {
  readonly holder: string;
  /** Runs every job now, then each on its own interval. */
  start(): void;
  /** Runs the named jobs (all by default) that are due; resolves when they have finished. */
  tick(names?: string[]): Promise<Record<string, JobOutcome>>;
  /** No new runs; waits up to `waitMs` for running ones (a run cut off leaves its lease to run out). */
  stop(waitMs?: number): Promise<void>;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
/** A tick a little early (timers of different processes drift) still finds the job due. */
const EARLY_TICK_FRACTION = 0.1;

export function createJobRunner(services: Services, jobs: JobDefinition[], log: JobLogger): JobRunner {
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`duplicate job name: ${j.name}`);
    if (!(j.intervalMs > 0)) throw new Error(`job ${j.name}: intervalMs must be positive`);
    names.add(j.name);
  }
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const running = new Map<string, Promise<JobOutcome>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  function runOnce(job: JobDefinition): Promise<JobOutcome> {
    if (stopped) return Promise.resolve('stopped');
    // No overlap in this process, even once the lease has run out under a slow run.
    if (running.has(job.name)) return Promise.resolve('busy');
    const p = leasedRun(services, job, holder, log).finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  async function tick(only?: string[]): Promise<Record<string, JobOutcome>> {
    const unknown = only?.filter((n) => !names.has(n)) ?? [];
    if (unknown.length > 0) throw new Error(`unknown job: ${unknown.join(', ')}`);
    const chosen = only ? jobs.filter((j) => only.includes(j.name)) : jobs;
    const outcomes = await Promise.all(chosen.map(runOnce));
    return Object.fromEntries(chosen.map((j, i) => [j.name, outcomes[i]!]));
  }

  return {
    holder,
    tick,
    start() {
      for (const job of jobs) {
        const t = setInterval(() => void runOnce(job), job.intervalMs);
        t.unref();
        timers.push(t);
      }
      void tick();
    },
    async stop(waitMs = 10_000) {
      stopped = true;
      for (const t of timers) clearInterval(t);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => {
        timer = setTimeout(r, waitMs);
      });
      await Promise.race([Promise.allSettled([...running.values()]), timeout]);
      clearTimeout(timer);
      for (const job of jobs) job.close?.();
    },
  };
}

/** Claim, run, release. Never throws: a failure is logged and kept in the job's row. */
async function leasedRun(services: Services, job: JobDefinition, holder: string, log: JobLogger): Promise<JobOutcome> {
  const now = services.now();
  try {
    const claimed = await claimJobLease(services.db, {
      name: job.name,
      holder,
      now,
      leaseMs: job.leaseMs ?? DEFAULT_LEASE_MS,
      dueIfStartedBefore: new Date(now.getTime() - job.intervalMs * (1 - EARLY_TICK_FRACTION)),
    });
    if (!claimed) return 'skipped';
  } catch (e) {
    log.error({ err: e, job: job.name }, `job ${job.name}: could not take its lease`);
    return 'failed';
  }
  let error: string | null = null;
  try {
    await job.run(services);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    log.error({ err: e, job: job.name }, `job ${job.name} failed`);
  }
  try {
    const kept = await releaseJobLease(services.db, { name: job.name, holder, now: services.now(), error });
    if (!kept) log.warn({ job: job.name }, `job ${job.name} outlived its lease: another process may have run it too`);
    else log.debug({ job: job.name, error }, `job ${job.name} finished`);
  } catch (e) {
    // The lease runs out by itself; the next run is only delayed.
    log.error({ err: e, job: job.name }, `job ${job.name}: could not release its lease`);
  }
  return error === null ? 'ran' : 'failed';
}
