import {
  appendAuditEvents, deleteAssignment, deleteRelation, findAssignment, findCall, findOrganization, findSubmission,
  insertAssignments, insertRelation, listAssignmentsOfCall, listAssignmentsOfReviewer, listAssignmentsWithReviewers,
  listAttachments, listRelations, listReviewers, listSubmissionsOfCallInStates, updateAssignment, updateSubmission,
  type AssignmentRow, type CallRow,
} from '@scenebridge/db';
import {
  allowedActions, assignReviewers, checkManualAssignment, DomainError, forbidden, isCallInReview, notFound, rankItems,
  reassignAfterConflict, REVIEW_ASSIGNMENT_STATE_LABELS, reviewAssignmentMachine, reviewerProgress, weightedScore, decide,
  submissionMachine, type Actor as MachineActor, type ReviewAssignmentAction, type ReviewAssignmentState, type ReviewScheme,
  type SubmissionState,
} from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { audit, auditEvent } from '../audit/index.js';

const ACTIVE = (a: AssignmentRow) => a.status !== 'conflict_declared';
const isReviewer = (a: Actor | null) => !!a && a.roles.includes('reviewer');

/** `decide` on the assignment machine, with a refusal that names the state in Chinese. */
function decideAssignment(a: AssignmentRow, action: ReviewAssignmentAction, actors: MachineActor[], reason?: string) {
  const from = a.status as ReviewAssignmentState;
  try {
    return decide(reviewAssignmentMachine, { from, action, actors, reason });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'ILLEGAL_TRANSITION') throw e;
    throw new DomainError(e.code, `该评审任务${REVIEW_ASSIGNMENT_STATE_LABELS[from] ?? from}，不能执行此操作`, e.status, e.details);
  }
}
const withdrawable = (a: AssignmentRow) =>
  allowedActions(reviewAssignmentMachine, a.status as ReviewAssignmentState, ['operator']).includes('withdraw');

async function reviewingCall(services: Services, actor: Actor | null, callId: string): Promise<CallRow> {
  if (!isOperator(actor)) throw forbidden();
  const call = await findCall(services.db, callId);
  if (!call) throw notFound('征集');
  if (!isCallInReview(call.status)) throw new DomainError('CALL_NOT_REVIEWING', '征集尚未进入评审阶段', 409);
  return call;
}

/** Pairs a reviewer declared a conflict on are never assigned again. */
function declaredConflicts(existing: AssignmentRow[]) {
  return existing.filter((a) => a.status === 'conflict_declared').map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId }));
}

export async function assignReviewersForCall({ services, actor, callId, dueAt }: {
  services: Services; actor: Actor | null; callId: string; dueAt?: string;
}) {
  const call = await reviewingCall(services, actor, callId);
  const scheme = call.reviewScheme as ReviewScheme;
  return services.db.transaction(async (tx) => {
    const items = await listSubmissionsOfCallInStates(tx, callId, ['in_review']);
    const reviewers = await listReviewers(tx);
    if (reviewers.length === 0) throw new DomainError('NO_REVIEWERS', '平台尚无评审专家账号', 409);
    const existing = await listAssignmentsOfCall(tx, callId);
    const { added, dropped, shortfalls } = assignReviewers({
      items: items.map((i) => ({ id: i.id, organizationId: i.organizationId })),
      reviewers: reviewers.map((r) => ({ id: r.id, organizationId: r.organizationId, relatedOrganizationIds: r.relatedOrganizationIds })),
      k: scheme.reviewersPerItem,
      existing: existing.filter(ACTIVE).map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId })),
      excluded: declaredConflicts(existing),
    });
    // Unscored assignments that break the rules now (a relation declared since) are withdrawn.
    const stale = dropped
      .map((d) => existing.find((a) => a.submissionId === d.assignment.itemId && a.reviewerUserId === d.assignment.reviewerId && withdrawable(a)))
      .filter((a): a is AssignmentRow => !!a);
    for (const a of stale) {
      decideAssignment(a, 'withdraw', ['operator']);
      await deleteAssignment(tx, a.id);
    }
    const due = dueAt ? new Date(dueAt) : null;
    const rows = await insertAssignments(tx, added.map((a) => ({
      callId, submissionId: a.itemId, reviewerUserId: a.reviewerId, status: 'assigned', assignedBy: actor!.userId, dueAt: due,
    })));
    await appendAuditEvents(tx, [
      ...stale.map((a) => auditEvent(actor, { action: 'review.unassigned', entityType: 'submission', entityId: a.submissionId, reason: '利益冲突规则变化', data: { assignmentId: a.id, reviewerUserId: a.reviewerUserId } })),
      ...rows.map((r) => auditEvent(actor, { action: 'review.assigned', entityType: 'submission', entityId: r.submissionId, data: { assignmentId: r.id, reviewerUserId: r.reviewerUserId } })),
      auditEvent(actor, { action: 'review.bulk_assigned', entityType: 'call', entityId: callId, data: { created: rows.length, k: scheme.reviewersPerItem, shortfalls } }),
    ]);
    return { created: rows.length, withdrawn: stale.length, items: items.length, reviewers: reviewers.length, shortfalls };
  });
}

export async function assignReviewerManually({ services, actor, callId, submissionId, reviewerUserId, dueAt }: {
  services: Services; actor: Actor | null; callId: string; submissionId: string; reviewerUserId: string; dueAt?: string;
}) {
  await reviewingCall(services, actor, callId);
  return services.db.transaction(async (tx) => {
    const sub = await findSubmission(tx, submissionId, { forUpdate: true });
    if (!sub || sub.submission.callId !== callId || sub.submission.status !== 'in_review') throw notFound('评审中的填报');
    const reviewer = (await listReviewers(tx)).find((r) => r.id === reviewerUserId);
    if (!reviewer) throw notFound('评审专家');
    const existing = (await listAssignmentsOfCall(tx, callId)).filter((a) => a.submissionId === submissionId);
    if (existing.some((a) => a.reviewerUserId === reviewerUserId && a.status === 'conflict_declared')) {
      throw new DomainError('CONFLICT_OF_INTEREST', '该专家已声明与此项目存在利益冲突', 409);
    }
    const check = checkManualAssignment(
      { id: reviewer.id, organizationId: reviewer.organizationId, relatedOrganizationIds: reviewer.relatedOrganizationIds },
      { id: submissionId, organizationId: sub.submission.organizationId },
      existing.filter(ACTIVE).map((a) => ({ itemId: a.submissionId, reviewerId: a.reviewerUserId })),
    );
    if (!check.ok) throw new DomainError(check.code, check.message, 409);
    const [row] = await insertAssignments(tx, [{ callId, submissionId, reviewerUserId, status: 'assigned', assignedBy: actor!.userId, dueAt: dueAt ? new Date(dueAt) : null }]);
    await audit(tx, actor, { action: 'review.assigned_manually', entityType: 'submission', entityId: submissionId, data: { assignmentId: row!.id, reviewerUserId } });
    return row!;
  });
}

export async function removeAssignment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  if (!isOperator(actor)) throw forbidden();
  await services.db.transaction(async (tx) => {
    const a = await findAssignment(tx, id, { forUpdate: true });
    if (!a) throw notFound('评审任务');
    decideAssignment(a, 'withdraw', ['operator']);
    await deleteAssignment(tx, id);
    await audit(tx, actor, { action: 'review.unassigned', entityType: 'submission', entityId: a.submissionId, data: { assignmentId: id, reviewerUserId: a.reviewerUserId } });
  });
}

async function myAssignment(services: Services, actor: Actor | null, id: string, forUpdate = false) {
  if (!isReviewer(actor)) throw forbidden('只有评审专家可以评审');
  const a = await findAssignment(services.db, id, { forUpdate });
  if (!a || a.reviewerUserId !== actor!.userId) throw notFound('评审任务');
  return a;
}

export async function listMyAssignments({ services, actor, callId }: { services: Services; actor: Actor | null; callId?: string }) {
  if (!isReviewer(actor)) throw forbidden('只有评审专家可以评审');
  const rows = await listAssignmentsOfReviewer(services.db, actor!.userId, { callId });
  const calls = new Map<string, CallRow>();
  for (const r of rows) if (!calls.has(r.assignment.callId)) calls.set(r.assignment.callId, (await findCall(services.db, r.assignment.callId))!);
  const now = services.now();
  return rows.map((r) => {
    const call = calls.get(r.assignment.callId)!;
    const blind = (call.reviewScheme as ReviewScheme).blind;
    return {
      id: r.assignment.id, callId: call.id, callTitle: call.title, submissionId: r.assignment.submissionId, title: r.title,
      listType: r.listType, organizationName: blind ? null : r.organizationName, status: r.assignment.status,
      weightedScore: r.assignment.weightedScore, dueAt: r.assignment.dueAt?.toISOString() ?? null,
      overdue: r.assignment.status === 'assigned' && !!r.assignment.dueAt && r.assignment.dueAt < now,
    };
  });
}

/** What a reviewer sees: with blind review, nothing that names the submitter. */
export async function getMyAssignment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = await myAssignment(services, actor, id);
  const sub = (await findSubmission(services.db, a.submissionId))!;
  const call = (await findCall(services.db, a.callId))!;
  const scheme = call.reviewScheme as ReviewScheme;
  const files = await listAttachments(services.db, a.submissionId);
  const data = { ...(sub.submission.data as Record<string, unknown>) };
  if (scheme.blind) delete data.contact;
  return {
    id: a.id, status: a.status, scores: a.scores, comments: a.comments, weightedScore: a.weightedScore,
    conflictReason: a.conflictReason, dueAt: a.dueAt?.toISOString() ?? null, blind: scheme.blind, criteria: scheme.criteria,
    call: { id: call.id, title: call.title },
    submission: {
      id: sub.submission.id, title: sub.submission.title, listType: sub.submission.listType, data,
      organization: scheme.blind ? null : { id: sub.submission.organizationId, name: sub.organizationName },
      attachments: files.map((f, i) => scheme.blind
        ? { id: f.id, filename: `附件${i + 1}.${f.filename.split('.').pop()}`, mediaType: f.mediaType, size: null, createdAt: null }
        : { id: f.id, filename: f.filename, mediaType: f.mediaType, size: f.size, createdAt: f.createdAt.toISOString() }),
    },
  };
}

export async function saveScores({ services, actor, id, scores, comments, submit }: {
  services: Services; actor: Actor | null; id: string; scores: Record<string, number>; comments: Record<string, string>; submit: boolean;
}) {
  await myAssignment(services, actor, id);
  return services.db.transaction(async (tx) => {
    const a = (await findAssignment(tx, id, { forUpdate: true }))!;
    const t = decideAssignment(a, submit ? 'submit_scores' : 'save_scores', ['reviewer']);
    const sub = (await findSubmission(tx, a.submissionId))!;
    if (sub.submission.status !== 'in_review') throw new DomainError('NOT_IN_REVIEW', '该项目当前不在评审中', 409);
    const call = (await findCall(tx, a.callId))!;
    const criteria = (call.reviewScheme as ReviewScheme).criteria;
    const keys = new Set(criteria.map((c) => c.key));
    const unknown = Object.keys(scores).filter((k) => !keys.has(k));
    if (unknown.length) throw new DomainError('UNKNOWN_CRITERION', `未知的评审指标：${unknown.join('、')}`, 400);
    const total = submit ? weightedScore(criteria, scores) : null;
    const updated = await updateAssignment(tx, id, a.status, {
      scores, comments, weightedScore: total, status: t.to, submittedAt: submit ? services.now() : null,
    });
    if (submit) {
      await audit(tx, actor, { action: 'review.scored', entityType: 'submission', entityId: a.submissionId, data: { assignmentId: id, scores, weightedScore: total } });
    }
    return updated!;
  });
}

export async function declareConflict({ services, actor, id, reason }: { services: Services; actor: Actor | null; id: string; reason: string }) {
  await myAssignment(services, actor, id);
  if (!reason.trim()) throw new DomainError('REASON_REQUIRED', '请说明回避原因', 400);
  return services.db.transaction(async (tx) => {
    const a = (await findAssignment(tx, id, { forUpdate: true }))!;
    const t = decideAssignment(a, 'declare_conflict', ['reviewer'], reason);
    await updateAssignment(tx, id, a.status, { status: t.to, conflictReason: reason.trim() });
    const call = (await findCall(tx, a.callId))!;
    const all = await listAssignmentsOfCall(tx, a.callId);
    const reviewers = await listReviewers(tx);
    const items = await listSubmissionsOfCallInStates(tx, a.callId, ['in_review']);
    const replacement = reassignAfterConflict({
      items: items.map((i) => ({ id: i.id, organizationId: i.organizationId })),
      reviewers: reviewers.map((r) => ({ id: r.id, organizationId: r.organizationId, relatedOrganizationIds: r.relatedOrganizationIds })),
      k: (call.reviewScheme as ReviewScheme).reviewersPerItem,
      existing: all.filter((x) => x.status !== 'conflict_declared' && x.id !== id).map((x) => ({ itemId: x.submissionId, reviewerId: x.reviewerUserId })),
      excluded: declaredConflicts(all),
      conflicted: { itemId: a.submissionId, reviewerId: a.reviewerUserId },
    });
    const inserted = replacement
      ? (await insertAssignments(tx, [{ callId: a.callId, submissionId: a.submissionId, reviewerUserId: replacement.reviewerId, status: 'assigned', dueAt: a.dueAt }]))[0]
      : undefined;
    await audit(tx, actor, {
      action: 'review.conflict_declared', entityType: 'submission', entityId: a.submissionId, reason: reason.trim(),
      data: { assignmentId: id, replacementReviewerUserId: inserted?.reviewerUserId ?? null },
    });
    return { reassignedTo: inserted ? inserted.reviewerUserId : null };
  });
}

/** Ranking for the operator: aggregated scores, ties, spread, and each reviewer's progress. */
export async function callRanking({ services, actor, callId }: { services: Services; actor: Actor | null; callId: string }) {
  if (!isOperator(actor)) throw forbidden();
  const call = await findCall(services.db, callId);
  if (!call) throw notFound('征集');
  const items = await listSubmissionsOfCallInStates(services.db, callId, [
    'in_review', 'selected', 'rejected', 'returned_for_revision', 'published', 'matching', 'awarded', 'in_delivery', 'accepted', 'benchmark_case',
  ]);
  const rows = await listAssignmentsWithReviewers(services.db, callId);
  const byItem = new Map<string, typeof rows>();
  for (const r of rows) byItem.set(r.assignment.submissionId, [...(byItem.get(r.assignment.submissionId) ?? []), r]);
  const ranked = rankItems(items.map((i) => ({
    id: i.id, scores: (byItem.get(i.id) ?? []).filter((r) => r.assignment.status === 'submitted').map((r) => r.assignment.weightedScore!),
  })));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const names = new Map(rows.map((r) => [r.assignment.reviewerUserId, r.reviewerName]));
  const progress = reviewerProgress(rows.map((r) => ({ reviewerId: r.assignment.reviewerUserId, status: r.assignment.status as 'assigned', dueAt: r.assignment.dueAt ?? undefined })), services.now());
  return {
    call: { id: call.id, title: call.title, status: call.status, reviewScheme: call.reviewScheme },
    items: ranked.map((r) => {
      const i = itemById.get(r.id)!;
      return {
        ...r, title: i.title, status: i.status, organizationName: i.organizationName, sector: i.sector,
        reviews: (byItem.get(r.id) ?? []).map((x) => ({
          assignmentId: x.assignment.id, reviewerUserId: x.assignment.reviewerUserId, reviewerName: x.reviewerName,
          status: x.assignment.status, weightedScore: x.assignment.weightedScore, conflictReason: x.assignment.conflictReason,
        })),
      };
    }),
    reviewers: Object.entries(progress).map(([reviewerUserId, p]) => ({ reviewerUserId, name: names.get(reviewerUserId) ?? '', ...p })),
  };
}

export async function myRelations({ services, actor }: { services: Services; actor: Actor | null }) {
  if (!isReviewer(actor)) throw forbidden('只有评审专家可以声明关联关系');
  return listRelations(services.db, actor!.userId);
}

export async function declareRelation({ services, actor, organizationId, note }: { services: Services; actor: Actor | null; organizationId: string; note?: string }) {
  if (!isReviewer(actor)) throw forbidden('只有评审专家可以声明关联关系');
  if (!(await findOrganization(services.db, organizationId))) throw notFound('机构');
  await services.db.transaction(async (tx) => {
    await insertRelation(tx, { reviewerUserId: actor!.userId, organizationId, note: note?.trim() || null });
    await audit(tx, actor, { action: 'review.relation_declared', entityType: 'user', entityId: actor!.userId, data: { organizationId, note } });
  });
}

export async function withdrawRelation({ services, actor, organizationId }: { services: Services; actor: Actor | null; organizationId: string }) {
  if (!isReviewer(actor)) throw forbidden('只有评审专家可以声明关联关系');
  await services.db.transaction(async (tx) => {
    if (!(await deleteRelation(tx, actor!.userId, organizationId))) throw notFound('关联声明');
    await audit(tx, actor, { action: 'review.relation_withdrawn', entityType: 'user', entityId: actor!.userId, data: { organizationId } });
  });
}

/** Select or reject many items at once: all of them move, or none. */
export async function decideSelection({ services, actor, callId, submissionIds, action, reason }: {
  services: Services; actor: Actor | null; callId: string; submissionIds: string[]; action: 'select' | 'reject'; reason?: string;
}) {
  if (!isOperator(actor)) throw forbidden();
  return services.db.transaction(async (tx) => {
    const events = [];
    for (const id of [...new Set(submissionIds)]) {
      const row = await findSubmission(tx, id, { forUpdate: true });
      if (!row || row.submission.callId !== callId) throw notFound('填报');
      const s = row.submission;
      const t = decide(submissionMachine, { from: s.status as SubmissionState, action, actors: ['operator'], reason });
      if (!(await updateSubmission(tx, id, s.status, { status: t.to, statusReason: reason?.trim() || null }))) {
        throw new DomainError('CONFLICT', '项目状态已变化，请刷新后重试', 409);
      }
      events.push(auditEvent(actor, { action: `submission.${action}`, entityType: 'submission', entityId: id, fromState: s.status, toState: t.to, reason: reason?.trim() || null }));
    }
    await appendAuditEvents(tx, events);
    return { moved: events.length };
  });
}

export async function reviewersForOperator({ services, actor }: { services: Services; actor: Actor | null }) {
  if (!isOperator(actor)) throw forbidden();
  return listReviewers(services.db);
}
