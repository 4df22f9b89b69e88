import { findChallenge, insertChallenge } from '@scenebridge/db';
import { assertDeadlineAhead, type ChallengeInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { challengeColumns, checkSourceNeed } from './content.js';
import { authorizePosting } from './policy.js';

/** 发榜, first step: the owner's draft, checked in full (the deadline ahead of the server's clock). */
export async function createChallenge({ services, actor, input }: { services: Services; actor: Actor | null; input: ChallengeInput }) {
  const poster = authorizePosting(actor);
  assertDeadlineAhead(input.applicationDeadline, services.now());
  return inTransaction(services, actor, async (tx, events) => {
    await checkSourceNeed(tx, poster.organizationId, input.sourceNeedId);
    const row = await insertChallenge(tx, {
      ...challengeColumns(input),
      organizationId: poster.organizationId,
      status: 'draft',
      createdBy: poster.userId,
    });
    await events.record({ action: 'challenge.created', entityType: 'challenge', entityId: row.id, toState: 'draft', data: input });
    return (await findChallenge(tx, row.id))!;
  });
}
