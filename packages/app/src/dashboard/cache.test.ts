import { describe, expect, it } from 'vitest';
import type { Services } from '../context.js';
import { AppEventBus } from '../events.js';
import { clearDashboardCache, dashboardCache } from './cache.js';

const services = () => ({ events: new AppEventBus() }) as unknown as Services;

describe('dashboard answer cache', () => {
  it('shares one read among concurrent callers and keeps the answer', async () => {
    const s = services();
    let reads = 0;
    const read = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 10));
      return { n: reads };
    };
    const answers = await Promise.all([dashboardCache(s, 'k', read), dashboardCache(s, 'k', read), dashboardCache(s, 'k', read)]);
    expect(answers.map((a) => a.n)).toEqual([1, 1, 1]);
    expect((await dashboardCache(s, 'k', read)).n).toBe(1);
    expect(reads).toBe(1);
    expect(Object.isFrozen(answers[0])).toBe(true);
  });

  it('reads again after a change was recorded, and never keeps a failed read', async () => {
    const s = services();
    let reads = 0;
    const read = async () => ({ n: ++reads });
    expect((await dashboardCache(s, 'k', read)).n).toBe(1);
    clearDashboardCache(s);
    expect((await dashboardCache(s, 'k', read)).n).toBe(2);
    await expect(dashboardCache(s, 'bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await dashboardCache(s, 'bad', read)).n).toBe(3);
  });
});
