/**
 * Owns this process's index: builds it on first use, catches up before each use (one catch-up
 * at a time; concurrent callers share it), and rebuilds it aside when operators change the
 * vocabulary, swapping it in when ready.
 */
import type { Database } from '@scenebridge/db';
import { buildIndex, catchUp, type IndexState } from './listing-index.js';
import { SnapshotStore } from './snapshots.js';

export class SearchIndex {
  private state: IndexState | null = null;
  private building: Promise<IndexState> | null = null;
  private rebuilding: Promise<void> | null = null;

  /** Result lists of first pages, for stable paging (see snapshots.ts). */
  readonly snapshots = new SnapshotStore<unknown>();

  constructor(private readonly db: Database) {}

  /** The index, up to date with every transaction committed before this call. */
  async current(): Promise<IndexState> {
    if (!this.state) {
      this.building ??= buildIndex(this.db)
        .then((s) => (this.state = s))
        .finally(() => {
          this.building = null;
        });
      return this.building;
    }
    if (!this.inflight) {
      this.inflight = this.catchUpOnce().finally(() => {
        this.inflight = null;
      });
      return this.inflight;
    }
    // A catch-up is running, but it may have read before this caller's own write committed:
    // wait for one more, shared by everyone who arrives meanwhile.
    this.queued ??= this.inflight
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.current();
      });
    return this.queued;
  }

  private inflight: Promise<IndexState> | null = null;
  private queued: Promise<IndexState> | null = null;

  private async catchUpOnce(): Promise<IndexState> {
    const state = this.state!;
    const version = await catchUp(this.db, state);
    if (version !== state.vocabulary.version) this.rebuildAside().catch(() => undefined);
    return state;
  }

  /** Rebuilds with the new vocabulary while searches go on against the old index. */
  rebuildAside(): Promise<void> {
    this.rebuilding ??= buildIndex(this.db)
      .then(async (fresh) => {
        await catchUp(this.db, fresh);
        this.state = fresh;
      })
      .finally(() => {
        this.rebuilding = null;
      });
    return this.rebuilding;
  }

  /** For tests and the vocabulary routes: wait until a rebuild under way is in. */
  async settled(): Promise<IndexState> {
    await this.current();
    if (this.rebuilding) await this.rebuilding;
    return this.current();
  }

  get ready(): boolean {
    return this.state !== null;
  }
}
