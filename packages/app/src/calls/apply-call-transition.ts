import { moveSubmissionsOfCall, updateCall, updateCallStatus, type CallRow, type Transaction } from '@scenebridge/db';
import { callMachine, decide, DomainError, type CallState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import type { TransactionEvents } from '../shared/index.js';
import { callMachineActors } from './policy.js';

/** One move of a call, by an operator or (actor null) by the clock. */
export async function applyCallTransition(
  tx: Transaction,
  events: TransactionEvents,
  actor: Actor | null,
  call: CallRow,
  action: string,
  reason: string | undefined,
  now: Date,
) {
  const t = decide(callMachine, {
    from: call.status as CallState,
    action: action as never,
    actors: callMachineActors(actor, call),
    reason,
  });
  const patch: Partial<CallRow> = {};
  if (t.action === 'open') {
    if (call.closesAt <= now) throw new DomainError('CALL_WINDOW_PASSED', '截止时间已过，无法开放，请先修改征集时间', 409);
    if (call.opensAt > now) patch.opensAt = now; // opened early by the operator: the window starts now
  }
  // The planned deadline stays as announced (the bulletin prints it); the actual close is its own time.
  if (t.action === 'close') patch.closedAt = now;
  const moved = await updateCallStatus(tx, call.id, call.status, t.to, reason?.trim() || null);
  if (!moved) throw new DomainError('CONFLICT', '征集状态已变化，请刷新后重试', 409);
  const final = Object.keys(patch).length ? (await updateCall(tx, call.id, patch))! : moved;
  if (t.action === 'start_review') {
    // Everything submitted enters review with the call; each item's move is its own audit event.
    const entering = await moveSubmissionsOfCall(tx, call.id, 'submitted', 'in_review');
    await events.record(
      ...entering.map((s) => ({
        action: 'submission.start_review',
        entityType: 'submission',
        entityId: s.id,
        fromState: 'submitted',
        toState: 'in_review',
      })),
    );
  }
  await events.record({
    action: `call.${action}`,
    entityType: 'call',
    entityId: call.id,
    fromState: call.status,
    toState: t.to,
    reason: reason?.trim() || (actor ? null : 'clock'),
    data: patch.opensAt
      ? { opensAt: final.opensAt.toISOString(), closesAt: final.closesAt.toISOString() }
      : patch.closedAt
        ? { closesAt: final.closesAt.toISOString(), closedAt: patch.closedAt.toISOString() }
        : undefined,
  });
  return final;
}
