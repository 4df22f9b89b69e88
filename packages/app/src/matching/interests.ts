/**
 * 意向 (interest) in a need–capability pair, and operators' and brokers' pins and exclusions of
 * match results. Both are recorded, audited and (interest) notified in one transaction.
 */
import {
  deleteMatchDecision, insertInterest, interestsOn, notifyUsers, upsertMatchDecision, usersOfOrganizations, usersWithRole,
} from '@scenebridge/db';
import { DomainError, forbidden, notFound } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor, type Services } from '../context.js';
import { audit } from '../audit/index.js';
import { loadVisibleListing } from '../search/index.js';
import { viewerOf } from '../search/index.js';

const isCurator = (a: Actor) => isOperator(a) || a.roles.includes('broker');

export async function expressInterest({ services, actor, needId, capabilityId, message }: {
  services: Services; actor: Actor; needId: string; capabilityId: string; message?: string;
}) {
  if (!isOrgUser(actor)) throw forbidden('只有机构用户可以表达意向');
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核', 403);
  const need = (await loadVisibleListing(services, actor, needId)).row;
  const cap = (await loadVisibleListing(services, actor, capabilityId)).row;
  if (need.listType !== 'scenario_need' || cap.listType !== 'capability') {
    throw new DomainError('INVALID_PAIR', '意向须针对一条场景需求和一条场景能力', 400);
  }
  const own = actor.organizationId;
  if (need.organizationId !== own && cap.organizationId !== own) {
    throw new DomainError('NOT_A_PARTY', '只能以本机构的需求或能力表达意向', 403);
  }
  if (need.organizationId === cap.organizationId) throw new DomainError('SAME_ORGANIZATION', '需求和能力属于同一机构，无需表达意向', 409);
  const fromSide = cap.organizationId === own ? 'capability' : 'need';
  const other = fromSide === 'capability' ? need : cap;

  return services.db.transaction(async (tx) => {
    const { row, created } = await insertInterest(tx, {
      needId, capabilityId, fromOrganizationId: own, fromSide, message: message ?? null, createdBy: actor.userId,
    });
    if (!created) return { interest: row, created };
    await audit(tx, actor, {
      action: 'match.interest', entityType: 'interest', entityId: row.id,
      data: { needId, capabilityId, fromSide, fromOrganizationId: own, message: message ?? null },
    });
    const otherUsers = await usersOfOrganizations(tx, [other.organizationId]);
    const brokers = await usersWithRole(tx, 'broker');
    const title = fromSide === 'capability'
      ? `「${actor.organizationName}」对您的需求「${need.title}」表达了合作意向`
      : `「${actor.organizationName}」希望采用您的能力「${cap.title}」`;
    const body = `${fromSide === 'capability' ? `对方能力：${cap.title}` : `对方需求：${need.title}`}${message ? `\n留言：${message}` : ''}`;
    await notifyUsers(tx, [
      ...otherUsers.map((u) => ({
        userId: u.id, kind: 'interest.received', title, body, link: `/listings/${other.id}`,
        data: { interestId: row.id, needId, capabilityId }, dedupeKey: `interest:${row.id}:${u.id}`, email: true,
      })),
      ...brokers.filter((b) => !otherUsers.some((u) => u.id === b.id)).map((b) => ({
        userId: b.id, kind: 'interest.broker', title: `新的对接意向：${need.title} × ${cap.title}`,
        body: `${actor.organizationName} 发起（${fromSide === 'capability' ? '能力方' : '需求方'}）${message ? `，留言：${message}` : ''}`,
        link: `/listings/${needId}`, data: { interestId: row.id, needId, capabilityId }, dedupeKey: `interest:${row.id}:${b.id}`, email: true,
      })),
    ]);
    return { interest: row, created };
  });
}

/** Interests on a listing: for its owner organisation, operators and brokers. */
export async function listInterests({ services, actor, id }: { services: Services; actor: Actor; id: string }) {
  const { row } = await loadVisibleListing(services, actor, id);
  const viewer = viewerOf(actor);
  if (!viewer.seesAll && viewer.organizationId !== row.organizationId) {
    // Others learn only about interests their own organisation expressed.
    const mine = (await interestsOn(services.db, id)).filter((r) => r.interest.fromOrganizationId === actor.organizationId);
    return { items: mine.map(present) };
  }
  return { items: (await interestsOn(services.db, id)).map(present) };
}

function present(r: Awaited<ReturnType<typeof interestsOn>>[number]) {
  const i = r.interest;
  return {
    id: i.id, needId: i.needId, capabilityId: i.capabilityId, fromSide: i.fromSide,
    organization: { id: i.fromOrganizationId, name: r.organizationName }, by: r.userName,
    message: i.message, createdAt: i.createdAt.toISOString(),
  };
}

export async function decideMatch({ services, actor, sourceId, targetId, decision, reason }: {
  services: Services; actor: Actor; sourceId: string; targetId: string; decision: 'pin' | 'exclude' | 'clear'; reason: string;
}) {
  if (!isCurator(actor)) throw forbidden('只有运营方和技术经纪人可以置顶或排除匹配结果');
  const source = (await loadVisibleListing(services, actor, sourceId)).row;
  const target = (await loadVisibleListing(services, actor, targetId)).row;
  if (source.listType === target.listType) throw new DomainError('INVALID_PAIR', '匹配结果须为另一类清单条目', 400);
  return services.db.transaction(async (tx) => {
    if (decision === 'clear') {
      const removed = await deleteMatchDecision(tx, sourceId, targetId);
      if (!removed) throw notFound('匹配处理记录');
      await audit(tx, actor, {
        action: 'match.decision_cleared', entityType: 'submission', entityId: sourceId, reason,
        data: { targetId, was: removed.decision, wasReason: removed.reason },
      });
      return { sourceId, targetId, decision: null };
    }
    const row = await upsertMatchDecision(tx, { sourceId, targetId, decision, reason, decidedBy: actor.userId });
    await audit(tx, actor, { action: `match.${decision}`, entityType: 'submission', entityId: sourceId, reason, data: { targetId } });
    return { sourceId, targetId, decision: row.decision, reason: row.reason, decidedAt: row.decidedAt.toISOString() };
  });
}
