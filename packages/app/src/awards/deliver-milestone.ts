import { findMilestone, listMilestonesOfAwards, updateMilestone } from '@scenebridge/db';
import { decide, deliverMilestoneSchema, DomainError, milestoneMachine, notFound, type MilestoneState } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { awardPolicy } from './policy.js';
import { assertAwardActive, canDeliverMilestone } from './rules.js';

/**
 * 提交交付物: the lead organisation's users deliver a pending (or failed) milestone, in order, while
 * the agreement is active and started. Each delivery opens a new acceptance round.
 */
export async function deliverMilestone({
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
  const body = deliverMilestoneSchema.parse(input);
  return inTransaction(services, a, async (tx, events) => {
    const { award, access } = await loadAward(tx, a, awardId, { forUpdate: true });
    const m = await findMilestone(tx, milestoneId, { forUpdate: true });
    if (!m || m.awardId !== award.id) throw notFound('里程碑');
    awardPolicy.authorize(a, 'deliver', access);
    assertAwardActive(award.status);
    if (!award.agreementStartedAt) throw new DomainError('ILLEGAL_TRANSITION', '任务书尚未启动，不能提交交付物', 409);
    const t = decide(milestoneMachine, { from: m.status as MilestoneState, action: 'deliver', actors: ['owner'] });
    if (!canDeliverMilestone(m, await listMilestonesOfAwards(tx, [award.id])))
      throw new DomainError('MILESTONE_OUT_OF_ORDER', '须先通过上一个里程碑的验收', 409);
    const now = services.now();
    const moved = await updateMilestone(tx, m.id, m.status, {
      status: t.to,
      statusReason: null,
      round: m.round + 1,
      deliveryNote: body.note,
      deliveryFiles: body.links,
      deliveredAt: now,
      decidedAt: null,
      conditions: null,
      meanScore: null,
    });
    if (!moved) throw new DomainError('CONFLICT', '里程碑状态已变化，请刷新后重试', 409);
    await events.record({
      action: 'milestone.deliver',
      entityType: 'award_milestone',
      entityId: m.id,
      fromState: m.status,
      toState: t.to,
      data: { awardId: award.id, seq: m.seq, round: moved.round, links: body.links.length },
    });
    return moved;
  });
}
