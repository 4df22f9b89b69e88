/**
 * The broker's profile (技术经理人): fields of expertise (technology-field codes of the taxonomy),
 * the certificate number and a short bio. A broker edits their own; operators read any broker's
 * (to assign deals). Saving is audited as `broker.profile_updated`.
 */
import { findBrokerProfile, listBrokers, upsertBrokerProfile, type BrokerListRow } from '@scenebridge/db';
import type { BrokerList, BrokerProfile } from '@scenebridge/contract/brokers';
import { brokerProfileSchema, forbidden, notFound, type BrokerProfileInput } from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { authorizeBrokerWorkspace } from '../deals/index.js';
import { inTransaction } from '../shared/index.js';
import type { Executor } from '@scenebridge/db';

async function profileOf(db: Executor, b: BrokerListRow): Promise<BrokerProfile> {
  const p = await findBrokerProfile(db, b.userId);
  return {
    userId: b.userId,
    displayName: b.displayName,
    organization: { id: b.organizationId, name: b.organizationName },
    fields: p?.fields ?? [],
    certificateNo: p?.certificateNo ?? null,
    bio: p?.bio ?? null,
    updatedAt: p ? p.updatedAt.toISOString() : null,
  };
}

export async function loadBrokerProfile(db: Executor, userId: string): Promise<BrokerProfile> {
  const [b] = await listBrokers(db, { userId });
  if (!b) throw notFound('技术经理人');
  return profileOf(db, b);
}

/** The broker's own profile, or (operators) any broker's. */
export async function getBrokerProfile({ services, actor, userId }: { services: Services; actor: Actor; userId?: string }) {
  if (!userId || userId === actor.userId) {
    authorizeBrokerWorkspace(actor);
    return loadBrokerProfile(services.db, actor.userId);
  }
  if (!isOperator(actor)) throw notFound('技术经理人');
  return loadBrokerProfile(services.db, userId);
}

export async function updateBrokerProfile({ services, actor, input }: { services: Services; actor: Actor; input: BrokerProfileInput }) {
  authorizeBrokerWorkspace(actor);
  const body = brokerProfileSchema.parse(input);
  return inTransaction(services, actor, async (tx, events) => {
    const before = await findBrokerProfile(tx, actor.userId);
    const fields = [...new Set(body.fields)];
    await upsertBrokerProfile(tx, {
      userId: actor.userId,
      fields,
      certificateNo: body.certificateNo ?? null,
      bio: body.bio ?? null,
    });
    await events.record({
      action: 'broker.profile_updated',
      entityType: 'broker_profile',
      entityId: actor.userId,
      data: {
        fields,
        certificateNo: body.certificateNo ?? null,
        previous: before ? { fields: before.fields, certificateNo: before.certificateNo } : null,
      },
    });
    return loadBrokerProfile(tx, actor.userId);
  });
}

/** Every broker with their fields and open deals, for the operator assigning one. */
export async function listBrokersFor({ services, actor }: { services: Services; actor: Actor }): Promise<BrokerList> {
  if (!isOperator(actor)) throw forbidden('只有运营方可以查看技术经理人名单');
  const rows = await listBrokers(services.db);
  return {
    items: rows.map((b) => ({
      userId: b.userId,
      displayName: b.displayName,
      fields: b.fields,
      certificateNo: b.certificateNo,
      openDeals: b.openDeals,
    })),
  };
}
