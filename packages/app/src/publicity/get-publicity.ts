import {
  findPublicity,
  listPublicities,
  listPublicityItems,
  listPublicPublicities,
  objectionCountsByItem,
  type PublicityRow,
} from '@scenebridge/db';
import { notFound, PUBLICITY_STATES_PUBLIC } from '@scenebridge/domain';
import { loadWorkingCalendar } from '../calendar/index.js';
import { isOperator, type Actor, type Services } from '../context.js';
import { publicityPolicy } from './policy.js';
import { presentPublicity } from './present.js';

async function presentAll(services: Services, actor: Actor | null, rows: PublicityRow[]) {
  const ids = rows.map((p) => p.id);
  const [items, counts, calendar] = await Promise.all([
    listPublicityItems(services.db, ids),
    objectionCountsByItem(services.db, ids),
    loadWorkingCalendar(services.db),
  ]);
  const now = services.now();
  return rows.map((p) => presentPublicity(p, items, counts, actor, now, calendar));
}

export async function getPublicity({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const p = await findPublicity(services.db, id);
  if (!p) throw notFound('公示');
  publicityPolicy.authorize(actor, 'view', p);
  return (await presentAll(services, actor, [p]))[0]!;
}

/** Everyone: started publicities; operators also drafts and cancelled ones. */
export async function listPublicitiesFor({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { status?: string; subjectKind?: string; subjectId?: string; page: number; pageSize: number };
}) {
  const statuses = isOperator(actor) ? undefined : [...PUBLICITY_STATES_PUBLIC];
  const r = await listPublicities(services.db, {
    statuses: query.status ? (statuses && !statuses.includes(query.status as never) ? [] : [query.status]) : statuses,
    subjectKind: query.subjectKind,
    subjectId: query.subjectId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: await presentAll(services, actor, r.items), total: r.total, page: query.page, pageSize: query.pageSize };
}

/** The public pages: running, and those that ended in the last 90 days (with their outcome). */
export async function listPublicPublicityPages(services: Services) {
  const since = new Date(services.now().getTime() - 90 * 86_400_000);
  return presentAll(services, null, await listPublicPublicities(services.db, since));
}
