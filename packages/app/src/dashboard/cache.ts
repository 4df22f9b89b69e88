/**
 * The dashboard's short answer cache (the publication answer-cache pattern, docs/dashboard.md).
 * The statistics scan up to hundreds of thousands of rows; many people opening the dashboard in
 * the same seconds share one read per query.
 *
 * - Staleness: an answer is fresh for DASHBOARD_ANSWER_TTL_MS after it was read, or for
 *   READ_TIME_FACTOR times as long as the read took when that is longer (so a slow database is
 *   not kept busy re-reading the same figures back to back); past that and within
 *   DASHBOARD_STALE_GRACE_MS more it is still served while one fresh read replaces it (so
 *   the callers of a busy dashboard never queue behind a re-read), after that it is read again
 *   before answering. Any event recorded by a use case in this process (a deal moved, a contract
 *   registered, a target set…) empties the cache at once (`dashboardCacheInvalidation`, a
 *   subscriber), so this process's own changes show on the next read; another process's within
 *   TTL + grace (15 s). A read that overlapped the change's transaction may keep the old figures
 *   for that long.
 * - Reads run one at a time per process (a queue): a statistics read takes several pool
 *   connections' worth of work, and the sessions of every other request need the pool too.
 * - Concurrent requests for the same answer share one read; a failed read is not kept (a failed
 *   background re-read leaves the stale answer to run out).
 * - Answers are frozen and shared between callers.
 */
import type { Services } from '../context.js';
import type { Subscriber } from '../shared/index.js';

export const DASHBOARD_ANSWER_TTL_MS = 5_000;
export const DASHBOARD_STALE_GRACE_MS = 10_000;
const READ_TIME_FACTOR = 5;
const MAX_ANSWERS = 500;

class DashboardCache {
  generation = 0;
  private readonly answers = new Map<string, { at: number; ttl: number; value: unknown }>();
  private readonly reading = new Map<string, { generation: number; value: Promise<unknown> }>();
  private queue: Promise<unknown> = Promise.resolve();

  clear(): void {
    this.generation++;
    this.answers.clear();
    this.reading.clear();
  }

  get<T>(key: string, now: number, read: () => Promise<T>): Promise<T> {
    const hit = this.answers.get(key);
    if (hit && now - hit.at < hit.ttl) return Promise.resolve(hit.value as T);
    if (hit && now - hit.at < hit.ttl + DASHBOARD_STALE_GRACE_MS) {
      this.fresh(key, now, read).catch(() => undefined);
      return Promise.resolve(hit.value as T);
    }
    return this.fresh(key, now, read);
  }

  private fresh<T>(key: string, now: number, read: () => Promise<T>): Promise<T> {
    const pending = this.reading.get(key);
    if (pending && pending.generation === this.generation) return pending.value as Promise<T>;
    const started = this.generation;
    let began = now;
    const value = this.queue
      .then(() => {
        began = Date.now();
        return read();
      })
      .then((v) => {
        if (started === this.generation) {
          const ttl = Math.max(DASHBOARD_ANSWER_TTL_MS, READ_TIME_FACTOR * (Date.now() - began));
          this.answers.delete(key);
          if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
          this.answers.set(key, { at: began, ttl, value: Object.freeze(v) });
        }
        return v;
      });
    this.queue = value.catch(() => undefined);
    const entry = { generation: started, value: value as Promise<unknown> };
    this.reading.set(key, entry);
    const done = () => {
      if (this.reading.get(key) === entry) this.reading.delete(key);
    };
    value.then(done, done);
    return value;
  }
}

/** One cache per app process, known by its event bus (use cases spread `services`, the bus stays). */
const caches = new WeakMap<Services['events'], DashboardCache>();

function cacheOf(services: Pick<Services, 'events'>): DashboardCache {
  let cache = caches.get(services.events);
  if (!cache) caches.set(services.events, (cache = new DashboardCache()));
  return cache;
}

export function dashboardCache<T>(services: Services, key: string, read: () => Promise<T>): Promise<T> {
  return cacheOf(services).get(key, Date.now(), read);
}

/** Forgets every kept answer of this process (tests that write rows without a use case call it). */
export function clearDashboardCache(services: Pick<Services, 'events'>): void {
  cacheOf(services).clear();
}

/** Any recorded change may move a figure: the next dashboard read goes to the database. */
export const dashboardCacheInvalidation: Subscriber = async (_events, { services }) => {
  clearDashboardCache(services);
};
