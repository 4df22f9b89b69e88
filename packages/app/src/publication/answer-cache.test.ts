import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../context.js';
import { AppEventBus } from '../events.js';
import { ANSWER_TTL_MS, cachedAnswer, STALE_GRACE_MS } from './answer-cache.js';

const processWith = () => ({ events: new AppEventBus() }) as unknown as Services;

function counter() {
  let reads = 0;
  return {
    read: async () => ({ n: ++reads }),
    get reads() {
      return reads;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('public list answers kept per process', () => {
  it('answers again from memory until the publication changes, then reads again', async () => {
    const services = processWith();
    const c = counter();
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 1 });
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 1 });
    expect(await cachedAnswer(services, 'other', c.read)).toEqual({ n: 2 });
    services.events.emit('publication.changed', {});
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 3 });
    // Another process (its own bus) keeps its own answers.
    expect(await cachedAnswer(processWith(), 'k', c.read)).toEqual({ n: 4 });
  });

  it('shares one read among concurrent callers, and does not keep one read across a change', async () => {
    const services = processWith();
    const c = counter();
    const [x, y] = await Promise.all([cachedAnswer(services, 'k', c.read), cachedAnswer(services, 'k', c.read)]);
    expect(x).toBe(y);
    expect(c.reads).toBe(1);

    let release!: () => void;
    const slow = () => new Promise<{ n: number }>((r) => (release = () => r({ n: -1 })));
    services.events.emit('publication.changed', {});
    const before = cachedAnswer(services, 'k', slow);
    services.events.emit('publication.changed', {});
    const after = cachedAnswer(services, 'k', c.read);
    release();
    expect(await before).toEqual({ n: -1 });
    expect(await after).toEqual({ n: 2 });
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 2 });
  });

  it('past the TTL serves the old answer once while reading again; past the grace it waits for a fresh one', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const services = processWith();
    const c = counter();
    await cachedAnswer(services, 'k', c.read);
    vi.setSystemTime(1_000_000 + ANSWER_TTL_MS - 1);
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 1 });
    vi.setSystemTime(1_000_000 + ANSWER_TTL_MS);
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 1 });
    expect(c.reads).toBe(2);
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 2 });
    // Nobody asked for a while: an answer past TTL + grace is never served.
    vi.setSystemTime(1_000_000 + 2 * ANSWER_TTL_MS + STALE_GRACE_MS);
    expect(await cachedAnswer(services, 'k', c.read)).toEqual({ n: 3 });
  });

  it('keeps no failed read', async () => {
    const services = processWith();
    await expect(cachedAnswer(services, 'k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cachedAnswer(services, 'k', async () => 'ok')).toBe('ok');
  });
});
