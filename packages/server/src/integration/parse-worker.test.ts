import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeCall, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';
import { configureParseWorkers, DEFAULT_PARSE_WORKER_LIMITS, parseQueue } from '@scenebridge/app/imports';
import { parseWorkbook } from '@scenebridge/app/imports';
import { buildWorkbook, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';

let ctx: TestContext;
let operator: Client;
let small: Buffer;
let large: Buffer;
let restore: (() => void) | undefined;
beforeAll(async () => {
  ctx = await createTestContext({ config: { heavyRateLimits: { imports: 0 } } });
  operator = (await platformUser(ctx)).client;
  small = await buildWorkbook('scenario_need', [sampleRow('scenario_need', 1)]);
  large = await buildWorkbook(
    'scenario_need',
    Array.from({ length: 5000 }, (_, i) => sampleRow('scenario_need', i)),
  );
});
afterEach(() => {
  restore?.();
  restore = undefined;
});
afterAll(async () => {
  await ctx?.close();
});

async function expectServerAlive(callId: string) {
  expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  const res = await uploadFile(operator, `/api/v1/imports?callId=${callId}&mode=dry_run`, small);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ totalRows: 1 });
}

describe('XLSX parsing runs in a worker thread with limits', () => {
  it('defaults: 512 MB heap, 60 s, at most two parses on a small machine, a short queue', () => {
    expect(DEFAULT_PARSE_WORKER_LIMITS).toMatchObject({ maxOldGenerationSizeMb: 512, timeoutMs: 60_000, maxQueue: 4 });
    expect(DEFAULT_PARSE_WORKER_LIMITS.concurrency).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_PARSE_WORKER_LIMITS.concurrency).toBeLessThanOrEqual(2);
  });

  it('a file that exhausts the worker heap → 413 FILE_TOO_COMPLEX; the server keeps answering', async () => {
    const call = await makeCall(ctx.services);
    // 32 MB is enough to load the parser and read a one-row file, not a 5,000-row one.
    restore = configureParseWorkers({ maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
    expect((await parseWorkbook(small, 'scenario_need')).rows).toHaveLength(1);
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, large);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'FILE_TOO_COMPLEX',
      message: expect.stringMatching(/内存超出限制.*拆分文件/),
      details: { reason: 'memory' },
    });
    await expectServerAlive(call.id);
    restore();
    restore = undefined;
    expect((await parseWorkbook(large, 'scenario_need')).rows).toHaveLength(5000);
  });

  it('a parse that outlasts the time limit is stopped → 413 IMPORT_TIMEOUT', async () => {
    const call = await makeCall(ctx.services);
    // No worker starts and parses within a millisecond.
    restore = configureParseWorkers({ timeoutMs: 1 });
    const err = await parseWorkbook(small, 'scenario_need').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'IMPORT_TIMEOUT', status: 413 });
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, small);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_TIMEOUT', message: expect.stringMatching(/解析超过1秒未完成/) });
    restore();
    restore = undefined;
    await expectServerAlive(call.id);
  });

  it('with 1 running and 1 waiting, a third parse started at the same time is refused with IMPORT_BUSY', async () => {
    restore = configureParseWorkers({ concurrency: 1, maxQueue: 1 });
    const outcomes = await Promise.allSettled([0, 1, 2].map(() => parseWorkbook(small, 'scenario_need')));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'IMPORT_BUSY', status: 503 });
  });

  it('an import while every slot and queue place is taken → 503 IMPORT_BUSY; later ones go through', async () => {
    const call = await makeCall(ctx.services);
    const { concurrency, maxQueue } = DEFAULT_PARSE_WORKER_LIMITS;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = Array.from({ length: concurrency + maxQueue }, () => parseQueue.run(() => gate));
    const res = await uploadFile(operator, `/api/v1/imports?callId=${call.id}&mode=dry_run`, small);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({ code: 'IMPORT_BUSY', message: '导入任务繁忙，请稍后再试' });
    release();
    await Promise.all(held);
    await expectServerAlive(call.id);
  });
});
