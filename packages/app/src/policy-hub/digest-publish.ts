/**
 * Publishing an issue (运营方): numbered 第N期（总第M期） — N counts the year's published issues
 * (Asia/Shanghai year of publication), M all of them, drawn under an advisory lock — then mailed
 * to the subscribers through the outbox, in one transaction. Audited as policy_digest.publish.
 */
import { findPolicyDigest, publishedDigestCounts, updatePolicyDigestRow } from '@scenebridge/db';
import { decide, DomainError, notFound, shanghaiDate } from '@scenebridge/domain';
import { digestNumberText, nextDigestNumbers, policyDigestMachine, type PolicyDigestState } from '@scenebridge/domain/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeDigestManagement, policyDigestAccess } from './digest-access.js';
import { queuePolicyDigestEmails } from './digest-email.js';
import { getPolicyDigest } from './digest-get.js';
import { presentDigestDetail } from './digest-present.js';
import { publishPolicyDigestBody, type PublishPolicyDigestInput } from './digest-schemas.js';

const stale = () => new DomainError('CONFLICT', '政策动态已被他人修改，请刷新后重试', 409);

export async function publishPolicyDigest({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: PublishPolicyDigestInput;
}) {
  const body = publishPolicyDigestBody.parse(input);
  await inTransaction(services, actor, async (tx, events) => {
    const d = await findPolicyDigest(tx, id, { forUpdate: true });
    if (!d) throw notFound(policyDigestAccess.label);
    policyDigestAccess.authorize(actor, 'view', d);
    const me = authorizeDigestManagement(actor);
    const t = decide(policyDigestMachine, { from: d.status as PolicyDigestState, action: 'publish', actors: ['operator'] });
    if (d.version !== body.version) throw stale();
    const now = services.now();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const numbers = nextDigestNumbers(await publishedDigestCounts(tx, year));
    const ok = await updatePolicyDigestRow(tx, id, d.version, {
      status: t.to,
      year,
      ...numbers,
      publishedAt: now,
      publishedBy: me.userId,
      updatedAt: now,
    });
    if (!ok) throw stale();
    const published = await findPolicyDigest(tx, id);
    const emails = await queuePolicyDigestEmails(tx, services, await presentDigestDetail(tx, actor, published!, now), now);
    await events.record({
      action: `policy_digest.${t.action}`,
      entityType: 'policy_digest',
      entityId: id,
      fromState: d.status,
      toState: t.to,
      data: { title: d.title, year, ...numbers, numberText: digestNumberText(numbers), emails },
    });
  });
  return getPolicyDigest({ services, actor, id });
}
