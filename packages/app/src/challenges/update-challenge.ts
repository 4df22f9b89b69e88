import { findChallenge, updateChallenge, updateChallengeStatus } from '@scenebridge/db';
import { assertDeadlineAhead, challengeMachine, decide, DomainError, notFound, type ChallengeInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { challengeColumns, changedFields, checkSourceNeed } from './content.js';
import { challengeMachineActors, challengePolicy } from './policy.js';

/**
 * The owner edits its challenge. A draft is saved as it is. An open challenge goes back to the
 * operator's review (`revise`): the owner says what changed (`changeNote`, required), and the
 * note with the changed fields is kept as the change summary the applicants will be told.
 */
export async function updateChallengeContent({
  services,
  actor,
  id,
  input,
  changeNote,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: ChallengeInput;
  changeNote?: string;
}) {
  const now = services.now();
  return inTransaction(services, actor, async (tx, events) => {
    const c = await findChallenge(tx, id, { forUpdate: true });
    if (!c) throw notFound(challengePolicy.label);
    challengePolicy.authorize(actor, 'view', c);
    if (!challengePolicy.allow(actor, 'actAsOwner', c)) throw new DomainError('FORBIDDEN', '只有发榜单位可以修改榜单', 403);
    if (!challengePolicy.allow(actor, 'edit', c)) throw new DomainError('CHALLENGE_NOT_EDITABLE', '只有草稿或揭榜中的榜单可以修改', 409);
    // Decided before anything is written: a missing change note on an open challenge changes nothing.
    const revise =
      c.status === 'open'
        ? decide(challengeMachine, { from: 'open', action: 'revise', actors: challengeMachineActors(actor, c), reason: changeNote })
        : null;
    assertDeadlineAhead(input.applicationDeadline, now);
    await checkSourceNeed(tx, c.organizationId, input.sourceNeedId);
    const fields = changedFields(c, input);
    await updateChallenge(tx, id, { ...challengeColumns(input), version: c.version + 1 });
    await events.record({ action: 'challenge.updated', entityType: 'challenge', entityId: id, data: { fields, input } });
    if (revise) {
      const note = changeNote!.trim();
      const changeSummary = { note, fields, at: now.toISOString() };
      const moved = await updateChallengeStatus(tx, id, 'open', revise.to, { changeSummary, statusReason: null });
      if (!moved) throw new DomainError('CONFLICT', '榜单状态已变化，请刷新后重试', 409);
      await events.record({
        action: 'challenge.revise',
        entityType: 'challenge',
        entityId: id,
        fromState: 'open',
        toState: revise.to,
        reason: note,
        data: changeSummary,
      });
    }
    return (await findChallenge(tx, id))!;
  });
}
