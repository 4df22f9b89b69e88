import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJobRuns } from '@scenebridge/db';
import { callInput, createTestContext, platformUser, type TestContext } from '../testing.js';
import { appJobs, SLOW_JOB_INTERVAL_MS } from '@scenebridge/app/jobs';
import { createJobRunner } from '@scenebridge/app/jobs';

const HOUR = 3600_000;
const quiet = { debug: () => {}, warn: () => {}, error: () => {} };

describe("the app's jobs", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ config: { clockIntervalMs: 30_000 } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('keeps the intervals the process had: clock and notifications every tick, days-long work every 5 minutes', () => {
    const jobs = appJobs(ctx.services, quiet);
    expect(Object.fromEntries(jobs.map((j) => [j.name, j.intervalMs]))).toEqual({
      'calls.advance-by-clock': 30_000,
      'challenges.close-by-clock': 30_000,
      'publicity.advance-by-clock': 30_000,
      'subscriptions.scan': 30_000,
      'outbox.deliver': 30_000,
      'digests.send': SLOW_JOB_INTERVAL_MS,
      'applications.remind-drafts': SLOW_JOB_INTERVAL_MS,
      'reviews.remind-overdue': SLOW_JOB_INTERVAL_MS,
      'submissions.expire-by-clock': SLOW_JOB_INTERVAL_MS,
      'auth.forget-idle-login-counters': SLOW_JOB_INTERVAL_MS,
      'dashboard.purge-listing-view-visitors': SLOW_JOB_INTERVAL_MS,
      'deals.mark-dormant': SLOW_JOB_INTERVAL_MS,
      'deals.remind-next-steps': SLOW_JOB_INTERVAL_MS,
      'contracts.remind-due': SLOW_JOB_INTERVAL_MS,
    });
    expect(SLOW_JOB_INTERVAL_MS).toBe(5 * 60_000);
  });

  it('runs every job in one tick, records each run, and opens a call whose time has come', async () => {
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    ctx.setNow(t0);
    const { client: operator } = await platformUser(ctx);
    const opensAt = new Date(t0.getTime() + HOUR);
    const body = callInput({ opensAt: opensAt.toISOString(), closesAt: new Date(t0.getTime() + 3 * HOUR).toISOString() });
    const id = (await operator.post('/api/v1/calls', body)).json().id as string;
    expect((await operator.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' })).statusCode).toBe(200);

    ctx.setNow(opensAt);
    const jobs = appJobs(ctx.services, quiet);
    const runner = createJobRunner(ctx.services, jobs, quiet);
    const outcomes = await runner.tick();
    await runner.stop();
    expect(Object.values(outcomes)).toEqual(Array(jobs.length).fill('ran'));
    expect((await operator.get(`/api/v1/calls/${id}`)).json().status).toBe('open');
    const rows = await listJobRuns(ctx.services.db);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(outcomes).sort());
    for (const r of rows)
      expect(r).toMatchObject({ runCount: 1, lastStartedAt: opensAt, lastFinishedAt: opensAt, lastError: null, leasedBy: null });
  });
});
