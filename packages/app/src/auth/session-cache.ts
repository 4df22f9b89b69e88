import { findLiveSession } from '@scenebridge/db';
import type { Role } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { sessionIdOf } from './tokens.js';

/**
 * A short-lived, bounded, in-process cache of resolved sessions (ADR 0005), so that a burst of
 * requests on one session does not look the session up in the database every time.
 *
 * - An entry lives at most `ttlMs` of real (monotonic) time, and never past the session's own
 *   expiry on the services clock.
 * - Every unsafe API request in this process (logout, password change, organisation or user
 *   changes, anything) empties the cache before its response is sent, so this process sees its
 *   own changes at once. A lookup that began before such a change is not stored (generation check).
 * - Changes made by another process (a second app process, the CLI, SQL by hand) are seen
 *   after at most `ttlMs`: that is the named trade-off.
 * - Unknown or dead tokens are never cached, so random cookies cannot fill the cache.
 */
export interface SessionCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Monotonic milliseconds; injectable for tests. */
  clock?: () => number;
}

export const SESSION_CACHE_DEFAULTS: SessionCacheOptions = { ttlMs: 5_000, maxEntries: 10_000 };

interface Entry {
  actor: Actor;
  /** The session's own expiry (services clock, ms since epoch). */
  sessionExpiresAt: number;
  /** Monotonic deadline of this cache entry. */
  cachedUntil: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly clock: () => number;

  constructor(private readonly options: SessionCacheOptions = SESSION_CACHE_DEFAULTS) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached actor of a live session, or undefined (then look it up). */
  get(sessionId: string, now: Date): Actor | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (this.clock() >= e.cachedUntil || now.getTime() >= e.sessionExpiresAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e.actor;
  }

  /** Taken before a database lookup and handed to `set`: a change in between keeps the result out. */
  ticket(): number {
    return this.generation;
  }

  set(ticket: number, actor: Actor, sessionExpiresAt: Date): void {
    if (ticket !== this.generation || this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return;
    this.entries.delete(actor.sessionId); // re-insert at the end: Map order is the eviction order
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(actor.sessionId, {
      actor: freezeActor(actor),
      sessionExpiresAt: sessionExpiresAt.getTime(),
      cachedUntil: this.clock() + this.options.ttlMs,
    });
  }

  /** Forgets everything, and keeps lookups already under way from storing what they read. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

function freezeActor(actor: Actor): Actor {
  Object.freeze(actor.roles);
  return Object.freeze(actor);
}

/** The session row as the actor the use cases take. */
export function actorFromSession(row: NonNullable<Awaited<ReturnType<typeof findLiveSession>>>): Actor {
  return {
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    roles: row.user.roles as Role[],
    organizationId: row.organization.id,
    organizationName: row.organization.name,
    organizationStatus: row.organization.status,
    organizationKind: row.organization.kind,
    sessionId: row.session.id,
    csrfToken: row.session.csrfToken,
  };
}

/** Resolves a session cookie through the cache; the same answer as `resolveSession` in auth/resolve-session.ts. */
export async function resolveSessionCached(cache: SessionCache, services: Services, token: string): Promise<Actor | null> {
  const id = sessionIdOf(token);
  const now = services.now();
  const hit = cache.get(id, now);
  if (hit) return hit;
  const ticket = cache.ticket();
  const row = await findLiveSession(services.db, id, now);
  if (!row || row.user.disabled) return null;
  const actor = actorFromSession(row);
  cache.set(ticket, actor, row.session.expiresAt);
  return actor;
}
