/**
 * Stable pagination: the first page of a search stores the ordered result ids under a token;
 * later pages read the same list, so results do not shift or repeat while data changes. Held
 * per process for ten minutes; a caller whose token has expired (or went to another process)
 * gets a fresh result list, flagged so the client can say so.
 */
import { randomBytes } from 'node:crypto';

export interface Snapshot<T> {
  ownerKey: string;
  items: T;
  createdAt: number;
}

export class SnapshotStore<T> {
  private readonly map = new Map<string, Snapshot<T>>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 500,
  ) {}

  put(ownerKey: string, items: T, now = Date.now()): string {
    const token = randomBytes(12).toString('base64url');
    this.map.set(token, { ownerKey, items, createdAt: now });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return token;
  }

  /** The snapshot, if it exists, is fresh and belongs to the same caller and query. */
  get(token: string, ownerKey: string, now = Date.now()): T | undefined {
    const s = this.map.get(token);
    if (!s) return undefined;
    if (now - s.createdAt > this.ttlMs) {
      this.map.delete(token);
      return undefined;
    }
    return s.ownerKey === ownerKey ? s.items : undefined;
  }
}
