/**
 * Composing a 政策动态 issue (运营方): a draft with one item per chosen published policy, in the
 * order chosen, each with a generated summary and key measures, and suggested directions, for
 * the operator to edit before publishing. Audited as policy_digest.created.
 */
import { insertPolicyDigest, replacePolicyDigestItems } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeDigestManagement } from './digest-access.js';
import { composeDigest, loadPublishedPolicies } from './digest-compose.js';
import { getPolicyDigest } from './digest-get.js';
import { createPolicyDigestBody, type CreatePolicyDigestInput } from './digest-schemas.js';

export async function createPolicyDigest({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor | null;
  input: CreatePolicyDigestInput;
}) {
  const me = authorizeDigestManagement(actor);
  const body = createPolicyDigestBody.parse(input);
  const id = await inTransaction(services, me, async (tx, events) => {
    const chosen = await loadPublishedPolicies(tx, body.policyIds, (i) => `policyIds.${i}`);
    const { items, directions } = await composeDigest(tx, chosen);
    const now = services.now();
    const d = await insertPolicyDigest(tx, {
      title: body.title,
      intro: body.intro || null,
      directions,
      status: 'draft',
      createdBy: me.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replacePolicyDigestItems(tx, d.id, items);
    await events.record({
      action: 'policy_digest.created',
      entityType: 'policy_digest',
      entityId: d.id,
      toState: 'draft',
      data: { title: d.title, policyIds: body.policyIds, measures: items.reduce((n, i) => n + i.measureIds!.length, 0) },
    });
    return d.id;
  });
  return getPolicyDigest({ services, actor, id });
}
