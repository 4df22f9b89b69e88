import { findMilestone, insertAcceptors, listAcceptorsOfMilestones, recordAcceptorVerdict } from '@scenebridge/db';
import { acceptanceOpinionSchema, DomainError, forbidden, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { concludeIfComplete } from './conclude-milestone.js';
import { awardPolicy } from './policy.js';
import { assertAwardActive } from './rules.js';

/**
 * 验收意见: in a submitted milestone's current round the owner organisation records one opinion
 * (whichever of its users) and each assigned expert records theirs, once. The last one recorded
 * concludes the milestone in the same transaction.
 */
export async function recordAcceptance({
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
  const body = acceptanceOpinionSchema.parse(input);
  return inTransaction(services, a, async (tx, events) => {
    const { award, access } = await loadAward(tx, a, awardId, { forUpdate: true });
    const m = await findMilestone(tx, milestoneId, { forUpdate: true });
    if (!m || m.awardId !== award.id) throw notFound('里程碑');
    const asOwner = awardPolicy.allow(a, 'recordOwnerOpinion', access);
    const round = (await listAcceptorsOfMilestones(tx, [m.id])).filter((x) => x.round === m.round);
    const mine = round.find((x) => x.role === 'expert' && x.userId === a.userId);
    if (!asOwner && !mine) throw forbidden('只有发榜单位和本轮指派的验收专家可以登记验收意见');
    assertAwardActive(award.status);
    if (m.status !== 'submitted') throw new DomainError('MILESTONE_NOT_SUBMITTED', '该里程碑没有待验收的交付', 409);
    const now = services.now();
    const verdict = { verdict: body.verdict, score: body.score, opinion: body.opinion ?? null, recordedAt: now };
    let recorded;
    if (mine) recorded = await recordAcceptorVerdict(tx, mine.id, verdict);
    else if (!round.some((x) => x.role === 'owner'))
      [recorded] = await insertAcceptors(tx, [{ milestoneId: m.id, round: m.round, userId: a.userId, role: 'owner', ...verdict }]);
    if (!recorded) throw new DomainError('ACCEPTANCE_ALREADY_RECORDED', '本轮验收意见已登记', 409);
    await events.record({
      action: 'milestone.record_opinion',
      entityType: 'award_milestone',
      entityId: m.id,
      fromState: m.status,
      toState: m.status,
      data: {
        awardId: award.id,
        round: m.round,
        role: recorded.role,
        verdict: body.verdict,
        score: body.score,
        opinion: body.opinion ?? null,
      },
    });
    await concludeIfComplete(tx, events, services.now(), award.id, m.id);
    return recorded;
  });
}
