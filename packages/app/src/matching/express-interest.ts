/**
 * 意向 (interest) in a need–capability pair: recorded and audited in one transaction; the other
 * side and the brokers are told by the feature's subscriber (subscribers.ts), in the same one.
 * The first interest in a pair also moves both its listings from published to matching (对接中),
 * by the system and audited, in that transaction (startMatchingIfPublished).
 */
import { insertInterest } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing } from '../search/index.js';
import { inTransaction } from '../shared/index.js';
import { startMatchingIfPublished } from '../submissions/index.js';
import { authorizeExpressingInterest, interestPolicy } from './policy.js';

/** What `match.interest` records (the audit entry's data). */
export interface InterestExpressed {
  needId: string;
  capabilityId: string;
  fromSide: 'need' | 'capability';
  fromOrganizationId: string;
  message: string | null;
}

export async function expressInterest({
  services,
  actor,
  needId,
  capabilityId,
  message,
}: {
  services: Services;
  actor: Actor;
  needId: string;
  capabilityId: string;
  message?: string;
}) {
  authorizeExpressingInterest(actor);
  const need = (await loadVisibleListing(services, actor, needId)).row;
  const cap = (await loadVisibleListing(services, actor, capabilityId)).row;
  if (need.listType !== 'scenario_need' || cap.listType !== 'capability') {
    throw new DomainError('INVALID_PAIR', '意向须针对一条场景需求和一条场景能力', 400);
  }
  if (!interestPolicy.allow(actor, 'express', { need, capability: cap })) {
    throw new DomainError('NOT_A_PARTY', '只能以本机构的需求或能力表达意向', 403);
  }
  if (need.organizationId === cap.organizationId) throw new DomainError('SAME_ORGANIZATION', '需求和能力属于同一机构，无需表达意向', 409);
  const own = actor.organizationId;
  const fromSide = cap.organizationId === own ? 'capability' : 'need';

  return inTransaction(services, actor, async (tx, events) => {
    const { row, created } = await insertInterest(tx, {
      needId,
      capabilityId,
      fromOrganizationId: own,
      fromSide,
      message: message ?? null,
      createdBy: actor.userId,
    });
    if (!created) return { interest: row, created };
    const data: InterestExpressed = { needId, capabilityId, fromSide, fromOrganizationId: own, message: message ?? null };
    await events.record({ action: 'match.interest', entityType: 'interest', entityId: row.id, data });
    // Ids in a fixed order, so two interests at once lock the same rows in the same order.
    for (const id of [needId, capabilityId].sort()) await startMatchingIfPublished(tx, events, id, { kind: 'interest', id: row.id });
    return { interest: row, created };
  });
}
