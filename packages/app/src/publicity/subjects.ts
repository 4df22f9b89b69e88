/**
 * What a 公示 is about, per subject kind: which items it lists, what revoking one does, and what
 * starting and becoming final mean for the subject (optional hooks, called by the publicity code
 * in its own transaction). 'call_selection': a call's selected items, before their batch is
 * published. 'challenge_award': a challenge's proposed winners (拟中榜单位); starting it puts the
 * challenge in 公示, and the final 公示 awards the challenge (awards/award-challenge.ts).
 */
import {
  findApplication,
  findCall,
  findChallenge,
  findSubmission,
  listApplicationsForReview,
  listPublicitiesOfSubject,
  listPublicityItems,
  listSubmissionsOfCallInStates,
  lockSubmissionsWithOwners,
  updateApplicationStatus,
  updateSubmission,
  type PublicityItemRow,
  type PublicityRow,
  type Transaction,
} from '@scenebridge/db';
import {
  applicationMachine,
  decide,
  DomainError,
  notFound,
  submissionMachine,
  type ApplicationState,
  type PublicitySubjectKind,
  type SubmissionState,
} from '@scenebridge/domain';
import { awardChallenge } from '../awards/index.js';
import { applyChallengeTransition } from '../challenges/index.js';
import type { Actor } from '../context.js';
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
  /** The operator started the publicity (running): the subject follows, audited; a refusal undoes the start. */
  onStarted?(tx: Transaction, events: TransactionEvents, publicity: PublicityRow, actor: Actor, now: Date): Promise<void>;
  /** The publicity became final (by the clock, or by deciding its last pending objection). */
  onFinal?(tx: Transaction, events: TransactionEvents, publicity: PublicityRow, now: Date): Promise<void>;
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

/** A challenge's proposed applications, each named by its lead and consortium members. */
async function proposedOf(tx: Transaction, challengeId: string) {
  return listApplicationsForReview(tx, challengeId, ['proposed']);
}

const challengeAward: PublicitySubject = {
  async load(tx, challengeId) {
    const c = await findChallenge(tx, challengeId, { forUpdate: true });
    if (!c) throw notFound('榜单');
    if (c.status !== 'under_review') throw new DomainError('CHALLENGE_NOT_UNDER_REVIEW', '榜单不在评审阶段，不能发起中榜公示', 409);
    const proposed = await proposedOf(tx, c.id);
    if (proposed.length === 0) throw new DomainError('NO_PROPOSED_WINNERS', '尚无拟中榜的申报，请先拟定中榜单位再发起公示', 409);
    return {
      title: `${c.title}拟中榜单位公示`,
      items: proposed.map((a) => ({
        subjectItemId: a.id,
        name: a.memberNames.length ? `${a.leadOrganizationName}（牵头）联合体：${a.memberNames.join('、')}` : a.leadOrganizationName,
        organizationId: a.leadOrganizationId,
        organizationName: a.leadOrganizationName,
      })),
    };
  },
  async revoke(tx, events, item, reason) {
    const app = await findApplication(tx, item.subjectItemId, { forUpdate: true });
    if (!app) return;
    const t = decide(applicationMachine, { from: app.status as ApplicationState, action: 'revoke_proposal', actors: ['operator'], reason });
    if (!(await updateApplicationStatus(tx, app.id, app.status, t.to, { statusReason: reason }))) {
      throw new DomainError('CONFLICT', '申报状态已变化，请刷新后重试', 409);
    }
    await events.record({
      action: 'application.revoke_proposal',
      entityType: 'application',
      entityId: app.id,
      fromState: app.status,
      toState: t.to,
      reason,
      data: { challengeId: app.challengeId, publicityId: item.publicityId, publicityItemId: item.id },
    });
  },
  link: (challengeId) => `/challenges/${challengeId}`,
  async onStarted(tx, events, publicity, actor, now) {
    const c = await findChallenge(tx, publicity.subjectId, { forUpdate: true });
    if (!c) throw notFound('榜单');
    // The draft lists the proposals as they were; one taken back or added since makes it stale.
    const listed = (await listPublicityItems(tx, [publicity.id])).map((i) => i.subjectItemId).sort();
    const current = (await proposedOf(tx, c.id)).map((a) => a.id).sort();
    if (listed.join() !== current.join()) {
      throw new DomainError('AWARD_PROPOSALS_CHANGED', '拟中榜单位在公示草稿创建后有变化，请取消该草稿并重新发起公示', 409, {
        listed,
        proposed: current,
      });
    }
    await applyChallengeTransition(tx, events, actor, c, 'start_publicity', undefined, now);
  },
  onFinal: (tx, events, publicity, now) => awardChallenge(tx, events, publicity, now),
};

export const PUBLICITY_SUBJECTS: Record<PublicitySubjectKind, PublicitySubject> = {
  call_selection: callSelection,
  challenge_award: challengeAward,
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
