import type { ObjectionWithNames, PublicityItemRow, PublicityRow } from '@scenebridge/db';
import {
  addCivilDays,
  allowedActions,
  DomainError,
  isObjectionWindowOpen,
  publicityMachine,
  shanghaiDate,
  workingDaysBetween,
  type PublicityState,
  type PublicitySubjectKind,
  type WorkingCalendar,
} from '@scenebridge/domain';
import type { z } from 'zod';
import { isOperator, type Actor } from '../context.js';
import { publicityPolicy } from './policy.js';

/** Checks a body the route did not (app callers, tests): 400 naming the field, nothing done. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new DomainError(
    'VALIDATION_FAILED',
    r.error.issues[0]?.message ?? '填写内容有误',
    400,
    r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

export type ObjectionCounts = { pending: number; dismissed: number; upheld: number };

/** Working days left in the window, counting today when it is a working day inside it; null when not running. */
export function workingDaysLeft(p: PublicityRow, now: Date, calendar: WorkingCalendar): number | null {
  if (p.status !== 'running' || !p.lastDay || !p.endsAt || now >= p.endsAt) return p.status === 'running' ? 0 : null;
  try {
    return Math.min(p.workingDays, workingDaysBetween(addCivilDays(shanghaiDate(now), -1), p.lastDay, calendar));
  } catch {
    return null;
  }
}

/** What everyone may see of a publicity: items with the count and outcome of objections, never who lodged them. */
export function presentPublicity(
  p: PublicityRow,
  items: PublicityItemRow[],
  counts: Map<string, ObjectionCounts>,
  actor: Actor | null,
  now: Date,
  calendar: WorkingCalendar,
) {
  const zero: ObjectionCounts = { pending: 0, dismissed: 0, upheld: 0 };
  const presented = items
    .filter((i) => i.publicityId === p.id)
    .map((i) => ({
      id: i.id,
      seq: i.seq,
      subjectItemId: i.subjectItemId,
      name: i.name,
      organizationName: i.organizationName,
      status: i.status as 'listed' | 'revoked',
      revokedReason: i.revokedReason,
      revokedAt: i.revokedAt?.toISOString() ?? null,
      objections: counts.get(i.id) ?? zero,
    }));
  const total = presented.reduce(
    (a, i) => ({
      pending: a.pending + i.objections.pending,
      dismissed: a.dismissed + i.objections.dismissed,
      upheld: a.upheld + i.objections.upheld,
    }),
    zero,
  );
  return {
    id: p.id,
    subjectKind: p.subjectKind as PublicitySubjectKind,
    subjectId: p.subjectId,
    title: p.title,
    workingDays: p.workingDays,
    status: p.status as PublicityState,
    statusReason: p.statusReason,
    startedAt: p.startedAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    lastDay: p.lastDay,
    endedAt: p.endedAt?.toISOString() ?? null,
    finalizedAt: p.finalizedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    windowOpen: isObjectionWindowOpen(p, now),
    workingDaysLeft: workingDaysLeft(p, now, calendar),
    items: presented,
    objections: total,
    allowedActions: isOperator(actor)
      ? allowedActions(publicityMachine, p.status as PublicityState, ['operator'])
      : ([] as ('start' | 'cancel' | 'end' | 'finalize')[]),
    canObject: isObjectionWindowOpen(p, now) && publicityPolicy.allow(actor, 'object', p),
  };
}

/** An objection as the operator sees it (with who lodged it), or as the lodging organisation sees its own. */
export function presentObjection(o: ObjectionWithNames) {
  return {
    id: o.id,
    publicityId: o.publicityId,
    publicityTitle: o.publicityTitle,
    itemId: o.itemId,
    itemName: o.itemName,
    organizationName: o.organizationName,
    lodgedByName: o.lodgedByName,
    reasons: o.reasons,
    evidence: o.evidence as { title: string; url: string }[],
    contact: o.contact,
    status: o.status as 'pending' | 'dismissed' | 'upheld',
    decisionReason: o.decisionReason,
    decidedAt: o.decidedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}
