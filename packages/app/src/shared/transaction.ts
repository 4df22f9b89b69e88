/**
 * A use case's transaction and what it records. The use case says what happened
 * (`events.record(...)`); subscribers (./subscribers.ts) write what follows from it — the audit
 * entry, notifications, outbox rows — in the same transaction, so a change and its trail commit
 * together or not at all. What only derived copies care about (caches, public pages) is told
 * after commit through `services.events`.
 */
import type { Transaction } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import type { AppEvents } from '../events.js';

/** What happened to one object. Every recorded event becomes an audit entry. */
export interface DomainEvent {
  /** `<entity>.<verb>`, e.g. `submission.submit`, `batch.published`. */
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: unknown;
  at?: Date;
  /**
   * Who acted, when it is not the transaction's actor: someone following a signed email link
   * has no session. The audit entry names them by this label instead.
   */
  actedBy?: { userId: string | null; label: string };
}

export interface EventContext {
  tx: Transaction;
  services: Services;
  /** Who did it; null for the system (jobs, the clock). */
  actor: Actor | null;
}

/** Runs inside the transaction; a failure rolls the change back. */
export type Subscriber = (events: readonly DomainEvent[], ctx: EventContext) => Promise<void>;

const subscribers: Subscriber[] = [];

/** Called once per subscriber at start-up (./subscribers.ts). */
export function subscribe(subscriber: Subscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

export class TransactionEvents {
  private readonly afterCommit: Array<() => void> = [];

  constructor(private readonly ctx: EventContext) {}

  /** Records what happened; the subscribers write what follows, in this transaction. */
  async record(...events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const s of subscribers) await s(events, this.ctx);
  }

  /** Tells `services.events` listeners once the transaction has committed (never if it rolls back). */
  announce<K extends keyof AppEvents>(name: K, event: AppEvents[K]): void {
    this.afterCommit.push(() => this.ctx.services.events.emit(name, event));
  }

  /** @internal run by inTransaction after commit. */
  flush(): void {
    for (const f of this.afterCommit.splice(0)) f();
  }
}

/** One transaction of a use case, with its recorder. */
export async function inTransaction<T>(
  services: Services,
  actor: Actor | null,
  work: (tx: Transaction, events: TransactionEvents) => Promise<T>,
): Promise<T> {
  let recorder: TransactionEvents | undefined;
  const result = await services.db.transaction(async (tx) => {
    recorder = new TransactionEvents({ tx, services, actor });
    return work(tx, recorder);
  });
  recorder?.flush();
  return result;
}

/** Records on a transaction the caller already holds (a use case that composes others). */
export function eventsOn(tx: Transaction, services: Services, actor: Actor | null): TransactionEvents {
  return new TransactionEvents({ tx, services, actor });
}
