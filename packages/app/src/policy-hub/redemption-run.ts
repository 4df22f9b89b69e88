/**
 * 免申即享 数据比对: one measure's conditions judged against every approved organisation in one
 * transaction. Each organisation found to meet them all gets a row (stage matched) unless it
 * already has one for this measure, so running again adds none; "unknown" ones are only counted
 * (their profiles lack something). Audited once, as policy.redemption_run with the counts and ids.
 */
import type { RedemptionRunReceipt } from '@scenebridge/contract/policies';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  insertRedemptionRun,
  insertRedemptions,
  loadRunProfileSources,
  notifyUsers,
  redeemedOrganizationIds,
  usersOfOrganizations,
  type Transaction,
} from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import { evaluateConditions, policyConditionsSchema } from '@scenebridge/domain/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeRedemptionOperator, measureOfPolicy, requirePublished } from './redemption-access.js';
import { toPolicyProfile } from './profile-load.js';

async function tellMatched(tx: Transaction, added: { id: string; organizationId: string }[], title: string, policyId: string) {
  const rowOf = new Map(added.map((a) => [a.organizationId, a.id]));
  for (let i = 0; i < added.length; i += 1000) {
    const users = await usersOfOrganizations(
      tx,
      added.slice(i, i + 1000).map((a) => a.organizationId),
    );
    await notifyUsers(
      tx,
      users.map((u) => ({
        userId: u.id,
        kind: 'policy.redemption_matched',
        title: `您的单位符合「${title}」的条件，请确认是否享受`,
        link: `/policies/${policyId}`,
        data: { redemptionId: rowOf.get(u.organizationId) },
        dedupeKey: `policy-redemption-matched:${rowOf.get(u.organizationId)}:${u.id}`,
        email: emailByDefault('policy.redemption_matched'),
      })),
    );
  }
}

export async function runRedemption({
  services,
  actor,
  policyId,
  measureId,
}: {
  services: Services;
  actor: Actor;
  policyId: string;
  measureId: string;
}): Promise<RedemptionRunReceipt> {
  authorizeRedemptionOperator(actor);
  return inTransaction(services, actor, async (tx, events) => {
    // The lock makes two runs of one measure take turns; the unique index keeps them idempotent anyway.
    const { m, p } = await measureOfPolicy(tx, policyId, measureId, { forUpdate: true });
    requirePublished(p);
    const parsed = policyConditionsSchema.safeParse(m.conditions);
    if (!parsed.success || parsed.data.length === 0)
      throw new DomainError('MEASURE_HAS_NO_CONDITIONS', '该措施尚未设置可比对的条件，不能运行免申即享', 409);
    const startedAt = services.now();
    const [sources, existing] = await Promise.all([loadRunProfileSources(tx), redeemedOrganizationIds(tx, m.id)]);
    let eligible = 0;
    let unknown = 0;
    const runId = crypto.randomUUID();
    const rows = [];
    for (const s of sources) {
      const r = evaluateConditions(parsed.data, toPolicyProfile(s), startedAt);
      if (r.outcome === 'unknown') unknown++;
      if (r.outcome !== 'met') continue;
      eligible++;
      if (!existing.has(s.organization.id))
        rows.push({ measureId: m.id, organizationId: s.organization.id, runId, checks: r.checks, matchedAt: startedAt });
    }
    const added = await insertRedemptions(tx, rows);
    const counts = { organizations: sources.length, eligible, unknown, added: added.length };
    await insertRedemptionRun(tx, {
      id: runId,
      measureId: m.id,
      startedBy: actor.userId,
      startedAt,
      finishedAt: services.now(),
      ...counts,
    });
    await tellMatched(tx, added, m.heading ?? p.title, p.id);
    await events.record({
      action: 'policy.redemption_run',
      entityType: 'policy_measure',
      entityId: m.id,
      data: { runId, policyId: p.id, ...counts, redemptionIds: added.map((a) => a.id) },
    });
    return { runId, ...counts };
  });
}
