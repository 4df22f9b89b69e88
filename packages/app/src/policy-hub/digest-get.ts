/** One 政策动态 issue, and the archive: published issues newest first; operators also see drafts. */
import { findPolicyDigest, listPolicyDigestRows as listRows } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import { POLICY_DIGEST_STATES } from '@scenebridge/domain/policies';
import { isOperator, type Actor, type Services } from '../context.js';
import { policyDigestAccess } from './digest-access.js';
import { presentDigestDetail, presentDigestSummary } from './digest-present.js';
import type { PolicyDigestListQuery } from './digest-schemas.js';

export async function getPolicyDigest({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const d = await findPolicyDigest(services.db, id);
  if (!d) throw notFound(policyDigestAccess.label);
  policyDigestAccess.authorize(actor, 'view', d);
  return presentDigestDetail(services.db, actor, d, services.now());
}

export async function listPolicyDigests({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor | null;
  query: PolicyDigestListQuery;
}) {
  const visible: readonly string[] = isOperator(actor) ? POLICY_DIGEST_STATES : ['published'];
  const statuses = query.status ? visible.filter((s) => s === query.status) : visible;
  const { items, total } = await listRows(services.db, { statuses, page: query.page, pageSize: query.pageSize });
  return { items: items.map((r) => presentDigestSummary(r.d, r.itemCount)), total, page: query.page, pageSize: query.pageSize };
}
