import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { claimOutbox, enqueueOutbox, findOutboxByDedupeKey, markOutboxFailed, markOutboxSent } from '../mail/repository.js';
import { outbox } from '../schema.js';
import { createTestDatabase } from '../testing.js';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.db.delete(outbox);
});

const t0 = new Date('2026-05-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const queue = (keys: string[]) =>
  enqueueOutbox(
    h.db,
    keys.map((k) => ({ kind: 'test', dedupeKey: k, payload: { k }, availableAt: t0 })),
  );

describe('outbox repository', () => {
  it('queues a dedupe key once', async () => {
    expect(await queue(['a', 'b'])).toHaveLength(2);
    expect(await queue(['a', 'c'])).toHaveLength(1);
  });

  it('claims disjoint rows under concurrency and holds them until the lease runs out', async () => {
    await queue(Array.from({ length: 30 }, (_, i) => `m${i}`));
    const claims = await Promise.all(
      ['w1', 'w2', 'w3'].map((w) => h.db.transaction((tx) => claimOutbox(tx, { workerId: w, now: t0, leaseMs: 60_000, limit: 7 }))),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(21);
    // Still leased: nothing of those is handed out again.
    const rest = await claimOutbox(h.db, { workerId: 'w4', now: at(30_000), leaseMs: 60_000, limit: 100 });
    expect(rest).toHaveLength(9);
    expect(rest.some((r) => ids.includes(r.id))).toBe(false);
    // w1 died: after its lease its rows come back, with the attempt counted.
    const again = await claimOutbox(h.db, { workerId: 'w5', now: at(60_000), leaseMs: 60_000, limit: 100 });
    expect(again.map((r) => r.id).sort()).toEqual(ids.sort());
    expect(again.every((r) => r.attempts === 2)).toBe(true);
  });

  it('only the lease holder marks a row sent; a sent row is never claimed again', async () => {
    await queue(['x']);
    const [row] = await claimOutbox(h.db, { workerId: 'old', now: t0, leaseMs: 1000, limit: 1 });
    const [taken] = await claimOutbox(h.db, { workerId: 'new', now: at(2000), leaseMs: 1000, limit: 1 });
    expect(taken!.id).toBe(row!.id);
    expect(await markOutboxSent(h.db, row!.id, 'old', at(2500))).toBe(false);
    expect(await markOutboxSent(h.db, row!.id, 'new', at(2500))).toBe(true);
    expect(await claimOutbox(h.db, { workerId: 'later', now: at(99_000), leaseMs: 1000, limit: 10 })).toHaveLength(0);
    const done = await findOutboxByDedupeKey(h.db, 'x');
    expect(done).toMatchObject({ status: 'sent', lockedUntil: null, lockedBy: 'new' });
  });

  it('a failure waits until its retry time; without one the row is dead', async () => {
    await queue(['r', 'd']);
    const rows = await claimOutbox(h.db, { workerId: 'w', now: t0, leaseMs: 60_000, limit: 2 });
    const r = rows.find((x) => x.dedupeKey === 'r')!;
    const d = rows.find((x) => x.dedupeKey === 'd')!;
    expect(await markOutboxFailed(h.db, r.id, 'w', { error: '451 try later', retryAt: at(300_000) })).toBe(true);
    expect(await markOutboxFailed(h.db, d.id, 'w', { error: '550 no such user', retryAt: null })).toBe(true);
    expect(await claimOutbox(h.db, { workerId: 'w', now: at(299_000), leaseMs: 60_000, limit: 10 })).toHaveLength(0);
    const [retried] = await claimOutbox(h.db, { workerId: 'w', now: at(300_000), leaseMs: 60_000, limit: 10 });
    expect(retried).toMatchObject({ id: r.id, attempts: 2, lastError: '451 try later' });
    expect(await findOutboxByDedupeKey(h.db, 'd')).toMatchObject({ status: 'dead', lastError: '550 no such user' });
  });
});
