/**
 * Editing a draft issue (运营方): title, 编者按, the items (policies, their order, summaries and
 * key measures) and the directions, replaced as a whole. Optimistic on the version; a published
 * issue is never changed. Audited as policy_digest.updated with what changed.
 */
import {
  findPolicyDigest,
  listDigestMeasuresByIds,
  listPolicyDigestItems,
  replacePolicyDigestItems,
  updatePolicyDigestRow as updateRow,
  type Executor,
} from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeDigestManagement, policyDigestAccess } from './digest-access.js';
import { loadPublishedPolicies } from './digest-compose.js';
import { getPolicyDigest } from './digest-get.js';
import { updatePolicyDigestBody, type UpdatePolicyDigestInput } from './digest-schemas.js';

const stale = () => new DomainError('CONFLICT', '政策动态已被他人修改，请刷新后重试', 409);

/** Each listed measure must be one of its item's policy. */
async function checkMeasures(db: Executor, items: UpdatePolicyDigestInput['items']) {
  const owner = new Map(
    (
      await listDigestMeasuresByIds(
        db,
        items.flatMap((i) => i.measureIds),
      )
    ).map((m) => [m.id, m.policyId]),
  );
  const details = items.flatMap((item, i) =>
    item.measureIds.flatMap((id, j) =>
      owner.get(id) === item.policyId ? [] : [{ path: `items.${i}.measureIds.${j}`, message: '措施不属于该政策' }],
    ),
  );
  if (details.length) throw new DomainError('VALIDATION_FAILED', '所列措施须属于对应的政策', 400, details);
}

export async function updatePolicyDigest({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: UpdatePolicyDigestInput;
}) {
  const body = updatePolicyDigestBody.parse(input);
  await inTransaction(services, actor, async (tx, events) => {
    const d = await findPolicyDigest(tx, id, { forUpdate: true });
    if (!d) throw notFound(policyDigestAccess.label);
    policyDigestAccess.authorize(actor, 'view', d);
    authorizeDigestManagement(actor);
    if (d.status !== 'draft') throw new DomainError('ILLEGAL_TRANSITION', '政策动态已发布，不能再修改', 409);
    if (d.version !== body.version) throw stale();
    await loadPublishedPolicies(
      tx,
      body.items.map((i) => i.policyId),
      (i) => `items.${i}.policyId`,
    );
    await checkMeasures(tx, body.items);
    const before = await listPolicyDigestItems(tx, id);
    const ok = await updateRow(tx, id, d.version, {
      title: body.title,
      intro: body.intro || null,
      directions: body.directions,
      updatedAt: services.now(),
    });
    if (!ok) throw stale();
    await replacePolicyDigestItems(
      tx,
      id,
      body.items.map((item, seq) => ({ ...item, seq })),
    );
    await events.record({
      action: 'policy_digest.updated',
      entityType: 'policy_digest',
      entityId: id,
      data: {
        title: d.title === body.title ? undefined : { before: d.title, after: body.title },
        policyIds: { before: before.map((r) => r.policy.id), after: body.items.map((i) => i.policyId) },
        directions: body.directions.length,
        version: d.version + 1,
      },
    });
  });
  return getPolicyDigest({ services, actor, id });
}
