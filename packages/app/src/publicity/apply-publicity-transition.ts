import { countPendingObjections, updatePublicityStatus, type PublicityRow, type Transaction } from '@scenebridge/db';
import {
  addWorkingDays,
  decide,
  DomainError,
  publicityMachine,
  type Actor as MachineActor,
  type PublicityState,
} from '@scenebridge/domain';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { TransactionEvents } from '../shared/index.js';
import { publicitySubject } from './subjects.js';

/**
 * One move of a publicity, audited in the same transaction. `start` fixes the window from the
 * working-day calendar: [now, 24:00 Shanghai of the N-th working day after today); a year nobody
 * maintained is refused (409 CALENDAR_YEAR_MISSING) and nothing starts.
 */
export async function applyPublicityTransition(
  tx: Transaction,
  events: TransactionEvents,
  actors: MachineActor[],
  p: PublicityRow,
  action: string,
  reason: string | undefined,
  now: Date,
): Promise<PublicityRow> {
  const t = decide(publicityMachine, { from: p.status as PublicityState, action: action as never, actors, reason });
  const why = reason?.trim() || null;
  const patch: Parameters<typeof updatePublicityStatus>[4] = {};
  let data: Record<string, unknown> | undefined;
  if (t.action === 'start') {
    const period = addWorkingDays(now, p.workingDays, await loadWorkingCalendar(tx));
    Object.assign(patch, { startedAt: now, endsAt: period.endsAt, lastDay: period.lastDay });
    data = { startedAt: now.toISOString(), endsAt: period.endsAt.toISOString(), lastDay: period.lastDay, workingDays: p.workingDays };
  }
  if (t.action === 'cancel') patch.statusReason = why;
  if (t.action === 'end') {
    patch.endedAt = now;
    data = { endsAt: p.endsAt?.toISOString(), endedAt: now.toISOString() };
  }
  if (t.action === 'finalize') patch.finalizedAt = now;
  const moved = await updatePublicityStatus(tx, p.id, p.status, t.to, patch);
  if (!moved) throw new DomainError('CONFLICT', '公示状态已变化，请刷新后重试', 409);
  await events.record({
    action: `publicity.${t.action}`,
    entityType: 'publicity',
    entityId: p.id,
    fromState: p.status,
    toState: t.to,
    reason: why ?? (actors.includes('system') ? (t.action === 'finalize' ? 'no objection pending' : 'clock') : null),
    data,
  });
  return moved;
}

/**
 * Ended with no objection pending: final, and the subject hears it (onFinal) in the same
 * transaction — whether the clock or the last objection decision got here. Returns the publicity as it is after.
 */
export async function finalizeIfSettled(tx: Transaction, events: TransactionEvents, p: PublicityRow, now: Date): Promise<PublicityRow> {
  if (p.status !== 'ended' || (await countPendingObjections(tx, p.id)) > 0) return p;
  const final = await applyPublicityTransition(tx, events, ['system'], p, 'finalize', undefined, now);
  await publicitySubject(p.subjectKind).onFinal?.(tx, events, final, now);
  return final;
}
