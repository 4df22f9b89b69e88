import { findChallenge, listApplications, listParticipants, type ApplicationListQuery, type Executor } from '@scenebridge/db';
import { forbidden, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { canViewChallenge } from '../challenges/index.js';
import { requireActor } from '../shared/index.js';
import { accessOf, type LoadedApplication } from './access.js';

/**
 * Who sees a challenge's applications: operators every one submitted at least once; the
 * challenge owner's users the submitted ones (withdrawn ones left out) once the deadline has
 * passed. Anyone else: 403 (or 404 when the challenge itself is hidden from them).
 */
export async function challengeApplicationsQuery(
  db: Executor,
  actor: Actor,
  challengeId: string,
  now: Date,
  status?: string,
): Promise<ApplicationListQuery & { challengeTitle: string }> {
  const c = await findChallenge(db, challengeId);
  if (!c || !canViewChallenge(actor, c)) throw notFound('榜单');
  if (isOperator(actor)) return { challengeId, submittedOnly: true, status, challengeTitle: c.title };
  if (isOrgUser(actor) && actor.organizationId === c.organizationId) {
    if (now.getTime() < c.applicationDeadline.getTime()) throw forbidden('申报截止后，发榜单位方可查看揭榜申报');
    return { challengeId, submittedOnly: true, excludeWithdrawn: true, status, challengeTitle: c.title };
  }
  throw forbidden('只有运营方和发榜单位可以查看榜单的揭榜申报');
}

async function withParticipants(db: Executor, items: Awaited<ReturnType<typeof listApplications>>['items'], now: Date) {
  return Promise.all(
    items.map(async (app): Promise<LoadedApplication> => {
      const participants = await listParticipants(db, app.id);
      return { app, participants, access: accessOf(app, participants, now) };
    }),
  );
}

export async function listChallengeApplications({
  services,
  actor,
  challengeId,
  query,
}: {
  services: Services;
  actor: Actor | null;
  challengeId: string;
  query: { status?: string; page: number; pageSize: number };
}) {
  const a = requireActor(actor);
  const now = services.now();
  const { challengeTitle: _t, ...q } = await challengeApplicationsQuery(services.db, a, challengeId, now, query.status);
  const r = await listApplications(services.db, { ...q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: await withParticipants(services.db, r.items, now), total: r.total, page: query.page, pageSize: query.pageSize };
}

/** The caller's organisation's applications, as lead or consortium member. */
export async function listMyApplications({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: { challengeId?: string; status?: string; page: number; pageSize: number };
}) {
  const a = requireActor(actor);
  if (!isOrgUser(a)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const now = services.now();
  const r = await listApplications(services.db, {
    participantOrganizationId: a.organizationId,
    challengeId: query.challengeId,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: await withParticipants(services.db, r.items, now), total: r.total, page: query.page, pageSize: query.pageSize };
}
