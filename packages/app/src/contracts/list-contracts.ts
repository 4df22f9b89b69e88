/**
 * The registration lists (docs/contracts.md), each built once for the page and its export:
 * - the seller's own registrations (scope mine; an organisation's users see only theirs);
 * - every registration (scope all: registrars and operators);
 * - the registrar queue: submitted and accepted, soonest last day first, with due-soon and
 *   overdue flags on the working-day calendar and their counts over the whole queue.
 */
import { contractQueueDueDates, listTechContracts, type ContractListQuery } from '@scenebridge/db';
import { addWorkingDays, deadlineState, forbidden, shanghaiDate, type Calendars, type ContractDeadlineRules } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { requireActor } from '../shared/index.js';
import { presentContext } from './context.js';
import { handlesContracts } from './policy.js';
import { presentContractSummary } from './present.js';
import { isOrgUser } from '../context.js';

export interface ContractListFilters {
  /** mine: the caller organisation's registrations; all: every one (registrars and operators). Default: all for them, mine for others. */
  scope?: 'mine' | 'all';
  status?: string;
  contractType?: string;
  kind?: string;
  origin?: string;
  q?: string;
  signedFrom?: string;
  signedTo?: string;
  /** Only current registered versions (what the statistics count). */
  current?: boolean;
}

export const CONTRACT_QUEUE_STATUSES = ['submitted', 'accepted'] as const;

export interface ContractQueueFilters {
  status?: 'submitted' | 'accepted';
  dueSoon?: boolean;
  overdue?: boolean;
  q?: string;
}

/** The list's query: exactly what the caller may see. */
export function contractListQuery(actor: Actor, filters: ContractListFilters): ContractListQuery {
  const all = handlesContracts(actor) && filters.scope !== 'mine';
  if (!all && !isOrgUser(actor)) throw forbidden('只有机构用户、技术合同登记员或平台运营方可以查看技术合同登记');
  return {
    sellerOrganizationId: all ? undefined : actor.organizationId,
    statuses: filters.status ? [filters.status] : undefined,
    contractType: filters.contractType,
    kind: filters.kind,
    origin: filters.origin,
    q: filters.q?.trim() || undefined,
    signedFrom: filters.signedFrom,
    signedTo: filters.signedTo,
    current: filters.current,
  };
}

/** The last date still "due soon" from today: the day with `dueSoonWorkingDays` working days left. */
function dueSoonUntil(today: string, calendar: Calendars, rules: ContractDeadlineRules): string {
  try {
    return addWorkingDays(today, rules.dueSoonWorkingDays, calendar).lastDay;
  } catch {
    return today;
  }
}

export function contractQueueQuery(
  filters: ContractQueueFilters,
  today: string,
  calendar: Calendars,
  rules: ContractDeadlineRules,
): ContractListQuery {
  const q: ContractListQuery = {
    statuses: filters.status ? [filters.status] : [...CONTRACT_QUEUE_STATUSES],
    q: filters.q?.trim() || undefined,
  };
  if (filters.overdue && filters.dueSoon) {
    q.dueTo = dueSoonUntil(today, calendar, rules);
  } else if (filters.overdue) {
    q.dueTo = prevDay(today);
  } else if (filters.dueSoon) {
    q.dueFrom = today;
    q.dueTo = dueSoonUntil(today, calendar, rules);
  }
  return q;
}

function prevDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export async function listContracts({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: ContractListFilters & { page: number; pageSize: number };
}) {
  const a = requireActor(actor);
  const q = contractListQuery(a, query);
  const now = services.now();
  const [{ items, total }, ctx] = await Promise.all([
    listTechContracts(services.db, { ...q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    presentContext(services.db, a, now),
  ]);
  return { items: items.map((c) => presentContractSummary(c, ctx)), total, page: query.page, pageSize: query.pageSize };
}

export async function listContractQueue({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: ContractQueueFilters & { page: number; pageSize: number };
}) {
  const a = requireActor(actor);
  if (!handlesContracts(a)) throw forbidden('只有技术合同登记员或平台运营方可以查看登记队列');
  const now = services.now();
  const ctx = await presentContext(services.db, a, now);
  const today = shanghaiDate(now);
  const q = contractQueueQuery(query, today, ctx.calendar, ctx.rules);
  const [{ items, total }, dueDates] = await Promise.all([
    listTechContracts(services.db, { ...q, order: 'due', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    contractQueueDueDates(services.db, CONTRACT_QUEUE_STATUSES),
  ]);
  let dueSoonCount = 0;
  let overdueCount = 0;
  for (const d of dueDates) {
    const s = deadlineState(d.dueOn, now, ctx.calendar, ctx.rules);
    if (s.overdue) overdueCount += d.n;
    else if (s.dueSoon) dueSoonCount += d.n;
  }
  return {
    items: items.map((c) => presentContractSummary(c, ctx)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    dueSoonCount,
    overdueCount,
  };
}
