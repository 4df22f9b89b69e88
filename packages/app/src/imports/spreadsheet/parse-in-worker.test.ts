import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureParseWorkers } from './parse-in-worker.js';
import { parseWorkbook } from './parse.js';
import { buildWorkbook, sampleRow } from './testing.js';

let restore: (() => void) | undefined;
afterEach(() => {
  vi.useRealTimers();
  restore?.();
  restore = undefined;
});

describe('the parse worker pool', () => {
  it('a parse that arrives as an idle worker is being retired gets a live worker, not the dying one', async () => {
    const file = await buildWorkbook('scenario_need', [sampleRow('scenario_need', 1)]);
    restore = configureParseWorkers({ idleMs: 1_000 });
    // Only the pool's timers are driven by the test; the worker's messages stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect((await parseWorkbook(file, 'scenario_need')).rows).toHaveLength(1);
    // The idle timer fires: terminate() is under way, and the thread is not gone yet.
    vi.advanceTimersByTime(1_000);
    expect((await parseWorkbook(file, 'scenario_need')).rows).toHaveLength(1);
  });
});
