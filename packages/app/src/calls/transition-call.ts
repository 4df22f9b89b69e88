import {
  appendAuditEvents, countSubmissionsOfCall, moveSubmissionsOfCall, findCall, findCallsDueForClock, insertCall, listCalls, updateCall, updateCallStatus,
  type CallRow, type Transaction,
} from '@scenebridge/db';
import {
  allowedActions, CALL_STATES_VISIBLE_TO_ORGANISATIONS, callMachine, decide, DomainError, forbidden, isCallEditable,
  isCallVisibleToOrganisations, isWithinWindow, notFound, type CallInput, type CallState,
} from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { audit, auditEvent } from '../audit/index.js';

export function acceptingSubmissions(call: CallRow, now: Date): boolean {
  return call.status === 'open' && isWithinWindow(now, call.opensAt, call.closesAt);
}

export function presentCall(call: CallRow & { submissionCount?: number }, actor: Actor | null, now: Date) {
  return {
    id: call.id, title: call.title, listType: call.listType, description: call.description,
    opensAt: call.opensAt.toISOString(), closesAt: call.closesAt.toISOString(), status: call.status,
    statusReason: call.statusReason, reviewScheme: call.reviewScheme, submissionCount: call.submissionCount ?? 0,
    createdAt: call.createdAt.toISOString(), acceptingSubmissions: acceptingSubmissions(call, now),
    allowedActions: isOperator(actor) ? allowedActions(callMachine, call.status as CallState, ['operator']) : [],
  };
}

export async function createCall({ services, actor, input }: { services: Services; actor: Actor | null; input: CallInput }) {
  if (!isOperator(actor)) throw forbidden();
  return services.db.transaction(async (tx) => {
    const call = await insertCall(tx, {
      title: input.title, listType: input.listType, description: input.description, opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt), status: 'draft', reviewScheme: input.reviewScheme, createdBy: actor!.userId,
    });
    await audit(tx, actor, { action: 'call.created', entityType: 'call', entityId: call.id, toState: 'draft', data: input });
    return call;
  });
}

export async function updateCallDetails({ services, actor, id, input }: { services: Services; actor: Actor | null; id: string; input: CallInput }) {
  if (!isOperator(actor)) throw forbidden();
  return services.db.transaction(async (tx) => {
    const call = await findCall(tx, id, { forUpdate: true });
    if (!call) throw notFound('征集');
    if (!isCallEditable(call.status)) {
      throw new DomainError('CALL_NOT_EDITABLE', '只有草稿或待开放的征集可以修改', 409);
    }
    if (call.listType !== input.listType && (await countSubmissionsOfCall(tx, id, { includeDrafts: true })) > 0) {
      throw new DomainError('CALL_NOT_EDITABLE', '已有填报的征集不能更改清单类型', 409);
    }
    const updated = await updateCall(tx, id, {
      title: input.title, listType: input.listType, description: input.description,
      opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), reviewScheme: input.reviewScheme,
    });
    await audit(tx, actor, { action: 'call.updated', entityType: 'call', entityId: id, data: input });
    return updated!;
  });
}

export async function getCall({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const call = await findCall(services.db, id);
  if (!call || (!isOperator(actor) && !isCallVisibleToOrganisations(call.status))) throw notFound('征集');
  return { ...call, submissionCount: await countSubmissionsOfCall(services.db, id) };
}

export async function listCallsFor({ services, actor, query }: {
  services: Services; actor: Actor | null; query: { status?: string; listType?: string; page: number; pageSize: number };
}) {
  const visible = isOperator(actor) ? undefined : [...CALL_STATES_VISIBLE_TO_ORGANISATIONS];
  const statuses = query.status ? (visible && !isCallVisibleToOrganisations(query.status) ? [] : [query.status]) : visible;
  const { items, total } = await listCalls(services.db, {
    statuses, listType: query.listType, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

async function applyCallTransition(tx: Transaction, actor: Actor | null, call: CallRow, action: string, reason: string | undefined, now: Date) {
  const t = decide(callMachine, {
    from: call.status as CallState, action: action as never, actors: actor ? (isOperator(actor) ? ['operator'] : []) : ['system'], reason,
  });
  const patch: Partial<CallRow> = {};
  if (t.action === 'open') {
    if (call.closesAt <= now) throw new DomainError('CALL_WINDOW_PASSED', '截止时间已过，无法开放，请先修改征集时间', 409);
    if (call.opensAt > now) patch.opensAt = now; // opened early by the operator: the window starts now
  }
  if (t.action === 'close' && call.closesAt > now) patch.closesAt = now;
  const moved = await updateCallStatus(tx, call.id, call.status, t.to, reason?.trim() || null);
  if (!moved) throw new DomainError('CONFLICT', '征集状态已变化，请刷新后重试', 409);
  const final = Object.keys(patch).length ? (await updateCall(tx, call.id, patch))! : moved;
  if (t.action === 'start_review') {
    // Everything submitted enters review with the call; each item's move is its own audit event.
    const entering = await moveSubmissionsOfCall(tx, call.id, 'submitted', 'in_review');
    await appendAuditEvents(tx, entering.map((s) => auditEvent(actor, {
      action: 'submission.start_review', entityType: 'submission', entityId: s.id, fromState: 'submitted', toState: 'in_review',
    })));
  }
  await audit(tx, actor, {
    action: `call.${action}`, entityType: 'call', entityId: call.id, fromState: call.status, toState: t.to,
    reason: reason?.trim() || (actor ? null : 'clock'),
    data: Object.keys(patch).length ? { opensAt: final.opensAt.toISOString(), closesAt: final.closesAt.toISOString() } : undefined,
  });
  return final;
}

export async function transitionCall({ services, actor, id, action, reason }: {
  services: Services; actor: Actor | null; id: string; action: string; reason?: string;
}) {
  if (!isOperator(actor)) throw forbidden();
  return services.db.transaction(async (tx) => {
    const call = await findCall(tx, id, { forUpdate: true });
    if (!call) throw notFound('征集');
    return applyCallTransition(tx, actor, call, action, reason, services.now());
  });
}

/** The clock's job: open scheduled calls whose time has come, close open ones past their end. */
export async function advanceCallsByClock({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  let moved = 0;
  for (const due of await findCallsDueForClock(services.db, now)) {
    await services.db.transaction(async (tx) => {
      let call = await findCall(tx, due.id, { forUpdate: true });
      if (call?.status === 'scheduled' && call.opensAt <= now && call.closesAt > now) {
        call = await applyCallTransition(tx, null, call, 'open', undefined, now);
        moved++;
      }
      if (call && (call.status === 'open' || call.status === 'scheduled') && call.closesAt <= now) {
        if (call.status === 'scheduled') call = await applyCallTransition(tx, null, call, 'open', undefined, call.opensAt);
        await applyCallTransition(tx, null, call, 'close', undefined, now);
        moved++;
      }
    });
  }
  return moved;
}
