/**
 * Who may do what with a 公示 (docs/publicity.md). Operators create, start, cancel and decide;
 * they alone see drafts and who lodged an objection. Everyone — anonymous visitors included —
 * sees a publicity once started, with the count and outcome of objections per item. Users of an
 * approved organisation (not operators) lodge objections during the window and see their own.
 */
import { DomainError, forbidden, isPublicityPublic } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy } from '../shared/index.js';

export type PublicityAccess = { status: string };

export const publicityPolicy = definePolicy<PublicityAccess, 'manage' | 'object'>('公示', {
  view: (a, p) => isPublicityPublic(p.status) || isOperator(a),
  manage: (a) => isOperator(a),
  object: (a, p) => isPublicityPublic(p.status) && isOrgUser(a) && !isOperator(a) && a!.organizationStatus === 'approved',
});

/** Operator-only routes check the role before anything is read: others learn nothing. */
export function authorizePublicityOperator(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  if (!isOperator(actor)) throw forbidden('只有运营方可以管理公示与处理异议');
  return actor;
}

/** Lodging an objection: a user of an approved organisation. */
export function authorizeObjector(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  if (!isOrgUser(actor) || isOperator(actor)) throw forbidden('只有机构用户可以提出异议');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能提出异议', 403);
  return actor;
}
