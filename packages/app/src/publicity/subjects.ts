/**
 * What a 公示 is about, per subject kind: which items it lists, and what revoking one does.
 * 'call_selection' (a call's selected items, before their batch is published) is here;
 * 'challenge_award' (a challenge's proposed winners) is added with the applications: one more
 * entry, and the publicity, objection and clock code stay as they are.
 */
import {
  findCall,
  findSubmission,
  listPublicitiesOfSubject,
  listPublicityItems,
  listSubmissionsOfCallInStates,
  lockSubmissionsWithOwners,
  updateSubmission,
  type PublicityItemRow,
  type Transaction,
} from '@scenebridge/db';
import { decide, DomainError, notFound, submissionMachine, type PublicitySubjectKind, type SubmissionState } from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

export interface PublicisedItem {
  subjectItemId: string;
  name: string;
  organizationId: string | null;
  organizationName: string;
}

export interface PublicitySubject {
  /** The subject's items to publicise now, and a default title; 404 / 409 if it cannot have a publicity. */
  load(tx: Transaction, subjectId: string): Promise<{ title: string; items: PublicisedItem[] }>;
  /** An upheld objection: take the item out, through the item's own machine, audited. */
  revoke(tx: Transaction, events: TransactionEvents, item: PublicityItemRow, reason: string): Promise<void>;
  /** Where the web shows the subject. */
  link(subjectId: string): string;
}

const callSelection: PublicitySubject = {
  async load(tx, callId) {
    const call = await findCall(tx, callId, { forUpdate: true });
    if (!call) throw notFound('征集');
    if (call.status !== 'reviewing') throw new DomainError('CALL_NOT_REVIEWING', '征集不在评审阶段，不能公示评审结果', 409);
    const selected = await listSubmissionsOfCallInStates(tx, callId, ['selected']);
    // Locked with their owners; listed in the order the call lists its selected items.
    const owners = new Map(
      (
        await lockSubmissionsWithOwners(
          tx,
          selected.map((s) => s.id),
        )
      ).map((r) => [r.submission.id, r.organizationName]),
    );
    return {
      title: `${call.title}评审结果公示`,
      items: selected.map((s) => ({
        subjectItemId: s.id,
        name: s.title,
        organizationId: s.organizationId,
        organizationName: owners.get(s.id) ?? '',
      })),
    };
  },
  async revoke(tx, events, item, reason) {
    const row = await findSubmission(tx, item.subjectItemId, { forUpdate: true });
    if (!row) return;
    const s = row.submission;
    const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'revoke_selection', actors: ['operator'], reason });
    if (!(await updateSubmission(tx, s.id, s.status, { status: t.to, statusReason: reason }))) {
      throw new DomainError('CONFLICT', '项目状态已变化，请刷新后重试', 409);
    }
    await events.record({
      action: 'submission.revoke_selection',
      entityType: 'submission',
      entityId: s.id,
      fromState: s.status,
      toState: t.to,
      reason,
      data: { publicityId: item.publicityId, publicityItemId: item.id },
    });
  },
  link: (callId) => `/calls/${callId}/review`,
};

export const PUBLICITY_SUBJECTS: Record<PublicitySubjectKind, PublicitySubject> = {
  call_selection: callSelection,
};

export const publicitySubject = (kind: string): PublicitySubject => {
  const s = PUBLICITY_SUBJECTS[kind as PublicitySubjectKind];
  if (!s) throw new DomainError('VALIDATION_FAILED', '公示事项类型不正确', 400, [{ path: 'subjectKind', message: '公示事项类型不正确' }]);
  return s;
};

/**
 * The hook of "评审结果公示无异议后发文公布": a call with a 公示 publishes a batch only when every
 * publicity of the call is final and each item to publish was publicised (and not revoked).
 * A call that never had a publicity publishes as before.
 */
export async function assertCallSelectionPublicised(tx: Transaction, callId: string, toPublish: { id: string; title: string }[]) {
  const pubs = (await listPublicitiesOfSubject(tx, 'call_selection', callId)).filter((p) => p.status !== 'cancelled');
  if (pubs.length === 0) return;
  const live = pubs.find((p) => p.status !== 'final');
  if (live) {
    throw new DomainError(
      'PUBLICITY_NOT_FINAL',
      live.status === 'draft'
        ? `该征集的评审结果公示（${live.title}）尚未开始：请先开始公示，公示结束且无待处理异议后方可发文公布`
        : `该征集的评审结果正在公示（${live.title}），公示结束且无待处理异议后方可发文公布`,
      409,
      { publicityId: live.id, status: live.status },
    );
  }
  const listed = new Set(
    (
      await listPublicityItems(
        tx,
        pubs.map((p) => p.id),
      )
    )
      .filter((i) => i.status === 'listed')
      .map((i) => i.subjectItemId),
  );
  const missing = toPublish.filter((s) => !listed.has(s.id));
  if (missing.length > 0) {
    throw new DomainError(
      'PUBLICITY_ITEM_NOT_PUBLICISED',
      `以下入选项目尚未经过公示，请先为其公示：${missing.map((s) => s.title).join('、')}`,
      409,
      { submissionIds: missing.map((s) => s.id) },
    );
  }
}
