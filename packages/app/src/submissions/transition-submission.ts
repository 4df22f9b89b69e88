import {
  findCall, findSubmission, insertSubmissions, reopenAssignmentsOfSubmission, listAttachments, listAuditEvents, listSubmissions, updateSubmission,
  type AttachmentMeta, type NewSubmission, type SubmissionRow,
} from '@scenebridge/db';
import {
  allowedActions, callAcceptsDrafts, decide, DomainError, draftSchemaFor, forbidden, isCallInReview, isSubmissionEditable, notFound,
  reviewAssignmentMachine, submissionMachine, submissionSchemaFor,
  type Actor as MachineActor, type ListType, type SubmissionState,
} from '@scenebridge/domain';
import type { z } from 'zod';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { audit } from '../audit/index.js';
import { acceptingSubmissions } from '../calls/index.js';

/** Transitions people take through the API; the rest belong to the system or to batch publication. */
const USER_ACTIONS: string[] = ['submit', 'resubmit', 'withdraw', 'return_for_revision', 'select', 'reject', 'award', 'start_delivery', 'accept'];

export function validationError(error: z.ZodError): DomainError {
  return new DomainError('VALIDATION_FAILED', error.issues[0]?.message ?? '填写内容有误', 400,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

function machineActors(actor: Actor | null, sub: { organizationId: string }): MachineActor[] {
  const out: MachineActor[] = [];
  if (isOperator(actor)) out.push('operator');
  if (isOrgUser(actor) && actor!.organizationId === sub.organizationId) out.push('owner');
  return out;
}

/** Fields copied out of `data` into columns, for filters and (later) facets. */
export function denormalise(data: Record<string, unknown>): Partial<NewSubmission> {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const sectors = Array.isArray(data.sectors) ? (data.sectors as string[]) : [];
  return {
    title: String(data.title ?? ''),
    sector: typeof data.sector === 'string' ? data.sector : (sectors[0] ?? null),
    techFields: Array.isArray(data.techFields) ? (data.techFields as string[]) : [],
    regionCode: typeof data.regionCode === 'string' ? data.regionCode : null,
    budgetMin: num(data.budgetMin), budgetMax: num(data.budgetMax), maturityTrl: num(data.maturityTrl),
  };
}

export function presentSubmission(
  row: { submission: SubmissionRow; organizationName: string; callTitle: string },
  attachments: AttachmentMeta[],
  actor: Actor | null,
) {
  const s = row.submission;
  return {
    id: s.id, callId: s.callId, callTitle: row.callTitle, listType: s.listType, status: s.status, title: s.title,
    organization: { id: s.organizationId, name: row.organizationName }, data: s.data,
    createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(), submittedAt: s.submittedAt?.toISOString() ?? null,
    statusReason: s.statusReason,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, createdAt: a.createdAt.toISOString() })),
    allowedActions: allowedActions(submissionMachine, s.status as SubmissionState, machineActors(actor, s))
      .filter((a) => USER_ACTIONS.includes(a)),
  };
}

function requireSubmitter(actor: Actor | null): Actor {
  if (!actor || !isOrgUser(actor)) throw forbidden('只有机构用户可以填报');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填报', 403);
  return actor;
}

/** Owners see all of theirs; operators see what has been submitted at least once (not drafts, not drafts withdrawn unsent). */
export function canView(actor: Actor | null, s: { organizationId: string; submittedAt: Date | null }): boolean {
  if (!actor) return false;
  if (isOrgUser(actor) && actor.organizationId === s.organizationId) return true;
  return isOperator(actor) && s.submittedAt !== null;
}

export async function getSubmission({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const row = await findSubmission(services.db, id);
  if (!row || !canView(actor, row.submission)) throw notFound('填报');
  return { row, attachments: await listAttachments(services.db, id) };
}

export async function createSubmissionDraft({ services, actor, callId, data }: {
  services: Services; actor: Actor | null; callId: string; data: unknown;
}) {
  const submitter = requireSubmitter(actor);
  return services.db.transaction(async (tx) => {
    const call = await findCall(tx, callId);
    if (!call || !callAcceptsDrafts(call.status)) throw new DomainError('CALL_NOT_OPEN', '该征集未开放填报', 409);
    const parsed = draftSchemaFor(call.listType as ListType).safeParse(data);
    if (!parsed.success) throw validationError(parsed.error);
    const [created] = await insertSubmissions(tx, [{
      callId, organizationId: submitter.organizationId, listType: call.listType, status: 'draft',
      data: parsed.data, createdBy: submitter.userId, ...denormalise(parsed.data), title: parsed.data.title,
    }]);
    await audit(tx, actor, { action: 'submission.created', entityType: 'submission', entityId: created!.id, toState: 'draft', data: { callId } });
    return created!.id;
  });
}

export async function updateSubmissionDraft({ services, actor, id, data }: {
  services: Services; actor: Actor | null; id: string; data: unknown;
}) {
  return services.db.transaction(async (tx) => {
    const row = await findSubmission(tx, id, { forUpdate: true });
    if (!row || !canView(actor, row.submission)) throw notFound('填报');
    const s = row.submission;
    if (!machineActors(actor, s).includes('owner')) throw forbidden('只有填报机构可以修改');
    if (!isSubmissionEditable(s.status)) throw new DomainError('NOT_EDITABLE', '当前状态不能修改', 409);
    const parsed = draftSchemaFor(s.listType as ListType).safeParse(data);
    if (!parsed.success) throw validationError(parsed.error);
    const updated = await updateSubmission(tx, id, s.status, { data: parsed.data, ...denormalise(parsed.data), title: parsed.data.title });
    if (!updated) throw new DomainError('CONFLICT', '填报已被修改，请刷新后重试', 409);
    await audit(tx, actor, { action: 'submission.updated', entityType: 'submission', entityId: id, data: { version: updated.version } });
    return id;
  });
}

export async function transitionSubmission({ services, actor, id, action, reason }: {
  services: Services; actor: Actor | null; id: string; action: string; reason?: string;
}) {
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const row = await findSubmission(tx, id, { forUpdate: true });
    if (!row || !canView(actor, row.submission)) throw notFound('填报');
    const s = row.submission;
    if (submissionMachine.transitions.some((x) => x.action === action) && !USER_ACTIONS.includes(action)) {
      throw new DomainError('ILLEGAL_TRANSITION', '该操作由系统或发布流程执行，不能直接调用', 409);
    }
    const t = decide(submissionMachine, { from: s.status as SubmissionState, action: action as never, actors: machineActors(actor, s), reason });
    const patch: Partial<NewSubmission> = { status: t.to, statusReason: reason?.trim() || null };
    if (t.action === 'submit' || t.action === 'resubmit') {
      const parsed = submissionSchemaFor(s.listType as ListType).safeParse(s.data);
      if (!parsed.success) throw validationError(parsed.error);
      const call = await findCall(tx, s.callId);
      // A revision asked for during review is taken while the call is in review, after its window.
      const reviewing = t.action === 'resubmit' && !!call && isCallInReview(call.status);
      if (!call || !(acceptingSubmissions(call, now) || reviewing)) throw new DomainError('CALL_NOT_OPEN', '不在征集时间内，无法提交', 409);
      if (reviewing) {
        patch.status = 'in_review';
        await reopenAssignmentsOfSubmission(tx, id, decide(reviewAssignmentMachine, { from: 'submitted', action: 'reopen', actors: ['system'] }));
      }
      patch.submittedAt = now;
      patch.data = parsed.data;
      patch.statusReason = null;
    }
    const updated = await updateSubmission(tx, id, s.status, patch);
    if (!updated) throw new DomainError('CONFLICT', '填报状态已变化，请刷新后重试', 409);
    await audit(tx, actor, {
      action: `submission.${action}`, entityType: 'submission', entityId: id, fromState: s.status, toState: patch.status!,
      reason: reason?.trim() || null,
    });
    return id;
  });
}

export async function listSubmissionsFor({ services, actor, query }: {
  services: Services; actor: Actor | null;
  query: { callId?: string; status?: string; listType?: string; q?: string; page: number; pageSize: number };
}) {
  if (!actor) throw forbidden();
  const scope = isOperator(actor) ? { onlySubmitted: true } : isOrgUser(actor) ? { organizationId: actor.organizationId } : null;
  if (!scope) throw forbidden();
  const { items, total } = await listSubmissions(services.db, {
    ...scope, callId: query.callId, statuses: query.status ? [query.status] : undefined, listType: query.listType,
    text: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((i) => ({
      ...i, organization: { id: i.organizationId, name: i.organizationName },
      createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(), submittedAt: i.submittedAt?.toISOString() ?? null,
    })),
    total, page: query.page, pageSize: query.pageSize,
  };
}

export async function submissionHistory({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const row = await findSubmission(services.db, id);
  if (!row || !canView(actor, row.submission)) throw notFound('填报');
  const { items } = await listAuditEvents(services.db, { entityType: 'submission', entityId: id, limit: 500, offset: 0, ascending: true });
  return items.map((e) => ({ at: e.at.toISOString(), actorLabel: e.actorLabel, action: e.action, fromState: e.fromState, toState: e.toState, reason: e.reason }));
}
