/** Loading a deal for a caller: 404 for whoever may not see it (docs/deals.md). */
import { findDeal, type DealView, type Executor } from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { dealPolicy } from './policy.js';

export async function loadDeal(db: Executor, actor: Actor | null, id: string, opts: { forUpdate?: boolean } = {}): Promise<DealView> {
  const d = await findDeal(db, id, opts);
  if (!d) throw notFound(dealPolicy.label);
  dealPolicy.authorize(actor, 'view', d);
  return d;
}

/** Optimistic locking: the caller's version must be the stored one. */
export function assertVersion(d: DealView, version: number): void {
  if (version !== d.version) {
    throw new DomainError('CONFLICT', '对接项目已被他人修改，请刷新后重试', 409, { version: d.version });
  }
}

export const dealConflict = () => new DomainError('CONFLICT', '对接项目已被他人修改，请刷新后重试', 409);
