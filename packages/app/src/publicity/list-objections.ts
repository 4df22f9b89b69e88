import { findPublicity, listObjections } from '@scenebridge/db';
import { forbidden, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { requireActor } from '../shared/index.js';
import { publicityPolicy } from './policy.js';
import { presentObjection } from './present.js';

/** A publicity's objections: operators see all (with who lodged them); an organisation only its own. */
export async function listObjectionsOfPublicity({
  services,
  actor,
  publicityId,
}: {
  services: Services;
  actor: Actor | null;
  publicityId: string;
}) {
  const who = requireActor(actor);
  const p = await findPublicity(services.db, publicityId);
  if (!p) throw notFound('公示');
  publicityPolicy.authorize(who, 'view', p);
  if (isOperator(who)) return (await listObjections(services.db, { publicityId })).map(presentObjection);
  if (!isOrgUser(who)) throw forbidden('只有运营方和提出异议的机构可以查看异议');
  return (await listObjections(services.db, { publicityId, organizationId: who.organizationId })).map(presentObjection);
}

/** 我的异议: every objection the caller's organisation lodged, with the decision. */
export async function listMyObjections({ services, actor }: { services: Services; actor: Actor | null }) {
  const who = requireActor(actor);
  if (!isOrgUser(who)) throw forbidden('只有机构用户有自己的异议');
  return (await listObjections(services.db, { organizationId: who.organizationId })).map(presentObjection);
}

/** One objection with its names, after a use case wrote it (the caller was authorized there). */
export async function objectionView(services: Services, id: string) {
  const [o] = await listObjections(services.db, { id });
  if (!o) throw notFound('异议');
  return presentObjection(o);
}
