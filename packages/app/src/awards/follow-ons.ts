/**
 * The moves a task agreement causes on other objects, taken by the system in the caller's
 * transaction and audited: the challenge (start_milestones, complete) and the scenario need it
 * was drafted from (start_delivery, accept). Each is a no-op when the object is not in the state
 * the move starts from, so a second award of a 赛马 challenge does not move it twice.
 */
import {
  findChallenge,
  findSubmission,
  listAwardsOfChallenge,
  updateChallengeStatus,
  updateSubmission,
  type Transaction,
} from '@scenebridge/db';
import { challengeMachine, decide, DomainError, submissionMachine, type Actor as MachineActor } from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

const SYSTEM = { userId: null, label: 'system' } as const;

export async function moveChallenge(
  tx: Transaction,
  events: TransactionEvents,
  challengeId: string,
  action: 'start_milestones' | 'complete',
  from: string,
  actors: MachineActor[],
  reason: string,
): Promise<boolean> {
  const c = await findChallenge(tx, challengeId, { forUpdate: true });
  if (!c || c.status !== from) return false;
  const t = decide(challengeMachine, { from: c.status as never, action, actors });
  const moved = await updateChallengeStatus(tx, c.id, c.status, t.to, { statusReason: null });
  if (!moved) throw new DomainError('CONFLICT', '榜单状态已变化，请刷新后重试', 409);
  await events.record({
    action: `challenge.${t.action}`,
    entityType: 'challenge',
    entityId: c.id,
    fromState: c.status,
    toState: t.to,
    reason,
    ...(actors.includes('system') ? { actedBy: SYSTEM } : {}),
  });
  return true;
}

export async function moveSourceNeed(
  tx: Transaction,
  events: TransactionEvents,
  needId: string | null,
  action: 'start_delivery' | 'accept',
  reason: string,
  data?: unknown,
): Promise<boolean> {
  if (!needId) return false;
  const row = await findSubmission(tx, needId, { forUpdate: true });
  const from = action === 'start_delivery' ? 'awarded' : 'in_delivery';
  if (!row || row.submission.status !== from) return false;
  const t = decide(submissionMachine, { from, action, actors: ['system'] });
  const moved = await updateSubmission(tx, needId, from, { status: t.to, statusReason: action === 'accept' ? reason : null });
  if (!moved) throw new DomainError('CONFLICT', '项目状态已变化，请重试', 409);
  await events.record({
    action: `submission.${t.action}`,
    entityType: 'submission',
    entityId: needId,
    fromState: from,
    toState: t.to,
    reason,
    data,
    actedBy: SYSTEM,
  });
  return true;
}

/**
 * After an award of the challenge closed: the need is accepted (with the report) when every award
 * is closed and at least one completed; the challenge completes when none is active any more.
 */
export async function closeChallengeIfDone(tx: Transaction, events: TransactionEvents, challengeId: string, report: string | null) {
  const awards = await listAwardsOfChallenge(tx, challengeId);
  if (awards.some((a) => a.status === 'active')) return;
  const c = (await findChallenge(tx, challengeId))!;
  const completed = awards.filter((a) => a.status === 'completed');
  if (completed.length > 0) {
    const text = report ?? completed.map((a) => a.acceptanceReport ?? '').join('\n\n');
    await moveSourceNeed(tx, events, c.sourceNeedId, 'accept', text, { challengeId, awardIds: completed.map((a) => a.id) });
  }
  await moveChallenge(tx, events, challengeId, 'complete', 'in_milestones', ['system'], '全部任务书已结束');
}
