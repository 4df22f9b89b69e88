import { insertCall } from '@scenebridge/db';
import type { CallInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { callsPolicy } from './policy.js';

export async function createCall({ services, actor, input }: { services: Services; actor: Actor | null; input: CallInput }) {
  callsPolicy.authorize(actor, 'create', null);
  return inTransaction(services, actor, async (tx, events) => {
    const call = await insertCall(tx, {
      title: input.title,
      listType: input.listType,
      description: input.description,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      status: 'draft',
      reviewScheme: input.reviewScheme,
      createdBy: actor!.userId,
    });
    await events.record({ action: 'call.created', entityType: 'call', entityId: call.id, toState: 'draft', data: input });
    return call;
  });
}
