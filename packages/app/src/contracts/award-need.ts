/**
 * A registered contract concludes the need it is about: the need (scenario listing) moves to
 * `awarded` through the submission machine, by the system, audited with its cause, in the
 * registration's transaction. Only from published or matching; otherwise it stays as it is.
 */
import { findDealNeedId, findSubmission, updateSubmission, type Transaction } from '@scenebridge/db';
import { decide, DomainError, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

const SYSTEM = { userId: null, label: 'system' } as const;
const FROM = new Set(['published', 'matching']);

/** The need of a contract: its own need_id, else its deal's. */
export async function needOfContract(tx: Transaction, c: { needId: string | null; dealId: string | null }): Promise<string | null> {
  if (c.needId) return c.needId;
  if (c.dealId) return (await findDealNeedId(tx, c.dealId)) ?? null;
  return null;
}

/** True when the need moved to awarded. */
export async function awardNeedForContract(
  tx: Transaction,
  events: TransactionEvents,
  needId: string,
  contract: { id: string; registrationNo: string | null },
): Promise<boolean> {
  const row = await findSubmission(tx, needId, { forUpdate: true });
  if (!row) return false;
  const s = row.submission;
  if (!FROM.has(s.status)) return false;
  const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'award', actors: ['system'] });
  const moved = await updateSubmission(tx, s.id, s.status, { status: t.to, statusReason: null });
  if (!moved) throw new DomainError('CONFLICT', '需求状态已变化，请重试', 409);
  await events.record({
    action: 'submission.award',
    entityType: 'submission',
    entityId: s.id,
    fromState: s.status,
    toState: t.to,
    reason: '技术合同已登记',
    data: { cause: { kind: 'tech_contract', id: contract.id, registrationNo: contract.registrationNo } },
    actedBy: SYSTEM,
  });
  return true;
}
