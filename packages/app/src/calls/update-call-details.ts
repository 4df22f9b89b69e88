import { countSubmissionsOfCall, findCall, updateCall } from '@scenebridge/db';
import { DomainError, isCallEditable, notFound, type CallInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { callPolicy, callsPolicy } from './policy.js';

export async function updateCallDetails({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: CallInput;
}) {
  callsPolicy.authorize(actor, 'manage', null);
  return inTransaction(services, actor, async (tx, events) => {
    const call = await findCall(tx, id, { forUpdate: true });
    if (!call) throw notFound(callPolicy.label);
    if (!isCallEditable(call.status)) {
      throw new DomainError('CALL_NOT_EDITABLE', '只有草稿或待开放的征集可以修改', 409);
    }
    if (call.listType !== input.listType && (await countSubmissionsOfCall(tx, id, { includeDrafts: true })) > 0) {
      throw new DomainError('CALL_NOT_EDITABLE', '已有填报的征集不能更改清单类型', 409);
    }
    const updated = await updateCall(tx, id, {
      title: input.title,
      listType: input.listType,
      description: input.description,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      reviewScheme: input.reviewScheme,
    });
    await events.record({ action: 'call.updated', entityType: 'call', entityId: id, data: input });
    return updated!;
  });
}
