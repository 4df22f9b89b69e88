import { findMilestone, insertAcceptors, listReviewers } from '@scenebridge/db';
import { assignAcceptorsSchema, DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { awardPolicy } from './policy.js';
import { assertAwardActive } from './rules.js';

/**
 * 指派验收专家: the operator gives a submitted milestone's current round k experts. Never an expert
 * of the owner's or of any participant's organisation, nor one who declared a relation with them
 * (the review feature's reviewer_relations): 409 CONFLICT_OF_INTEREST, nothing assigned.
 */
export async function assignAcceptors({
  services,
  actor,
  awardId,
  milestoneId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  awardId: string;
  milestoneId: string;
  input: unknown;
}) {
  const a = requireActor(actor);
  const body = assignAcceptorsSchema.parse(input);
  return inTransaction(services, a, async (tx, events) => {
    const { award, access } = await loadAward(tx, a, awardId, { forUpdate: true });
    awardPolicy.authorize(a, 'assignAcceptors', access);
    assertAwardActive(award.status);
    const m = await findMilestone(tx, milestoneId, { forUpdate: true });
    if (!m || m.awardId !== award.id) throw notFound('里程碑');
    if (m.status !== 'submitted') throw new DomainError('MILESTONE_NOT_SUBMITTED', '该里程碑没有待验收的交付', 409);
    const reviewers = new Map((await listReviewers(tx)).map((r) => [r.id, r]));
    const parties = new Set([access.ownerOrganizationId, access.organizationId, ...access.participantOrganizationIds]);
    for (const id of body.userIds) {
      const r = reviewers.get(id);
      if (!r) throw new DomainError('ACCEPTOR_NOT_A_REVIEWER', '只能指派具有评审专家角色的用户', 400, { userId: id });
      if (parties.has(r.organizationId) || r.relatedOrganizationIds.some((o) => parties.has(o)))
        throw new DomainError('CONFLICT_OF_INTEREST', `${r.displayName}与发榜单位或揭榜单位存在关联，须回避`, 409, { userId: id });
    }
    const added = await insertAcceptors(
      tx,
      body.userIds.map((userId) => ({ milestoneId: m.id, round: m.round, userId, role: 'expert', assignedBy: a.userId })),
    );
    await events.record({
      action: 'milestone.assign_acceptors',
      entityType: 'award_milestone',
      entityId: m.id,
      fromState: m.status,
      toState: m.status,
      data: { awardId: award.id, round: m.round, userIds: added.map((x) => x.userId) },
    });
    return added;
  });
}
