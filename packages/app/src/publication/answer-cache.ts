/**
 * Answers of the public lists, kept briefly in this process. Published lists are the same for
 * every caller and change only when a batch is published, an entry corrected or a benchmark
 * case added; the portal already keeps its rendered pages this way (server/portal/page-cache.ts),
 * and the JSON API had to count and page the database again for every request.
 *
 * - This process's own changes are seen at once: `publication.changed` (announced after commit)
 *   empties the cache, and an answer read while a change was announced is not kept.
 * - Named trade-off: a change made by another process is seen here within ANSWER_TTL_MS, or
 *   up to ANSWER_TTL_MS + STALE_GRACE_MS while an answer is being read again (the portal's
 *   pages are served with max-age=60, a longer bound).
 * - Concurrent requests for the same answer share one read. An answer past its TTL but within
 *   the grace is still served while one fresh read replaces it: otherwise every answer filled
 *   in the same seconds expires together and all of them queue on the database at once.
 * - A failed read is not kept; the next request reads again.
 *
 * Answers are shared between callers: they are frozen, and callers map them to new objects.
 */
import type { Services } from '../context.js';

export const ANSWER_TTL_MS = 10_000;
export const STALE_GRACE_MS = 10_000;
const MAX_ANSWERS = 2_000;

class AnswerCache {
  private generation = 0;
  private readonly answers = new Map<string, { at: number; value: unknown }>();
  private readonly reading = new Map<string, { generation: number; value: Promise<unknown> }>();

  clear(): void {
    this.generation++;
    this.answers.clear();
    this.reading.clear();
  }

  async get<T>(key: string, now: number, read: () => Promise<T>): Promise<T> {
    const hit = this.answers.get(key);
    if (hit && now - hit.at < ANSWER_TTL_MS) return hit.value as T;
    if (hit && now - hit.at < ANSWER_TTL_MS + STALE_GRACE_MS) {
      // Read again for the next callers; a failure there leaves the stale answer to run out.
      this.fresh(key, now, read).catch(() => undefined);
      return hit.value as T;
    }
    return this.fresh(key, now, read);
  }

  private fresh<T>(key: string, now: number, read: () => Promise<T>): Promise<T> {
    const pending = this.reading.get(key);
    if (pending && pending.generation === this.generation) return pending.value as Promise<T>;
    const started = this.generation;
    const value = read().then((v) => {
      if (started === this.generation) {
        this.answers.delete(key);
        if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
        this.answers.set(key, { at: now, value: Object.freeze(v) });
      }
      return v;
    });
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
const caches = new WeakMap<Services['events'], AnswerCache>();

export function cachedAnswer<T>(services: Services, key: string, read: () => Promise<T>): Promise<T> {
  let cache = caches.get(services.events);
  if (!cache) {
    const fresh = new AnswerCache();
    services.events.on('publication.changed', () => fresh.clear());
    caches.set(services.events, (cache = fresh));
  }
  return cache.get(key, Date.now(), read);
}
