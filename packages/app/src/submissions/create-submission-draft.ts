import { findCall, insertSubmissions } from '@scenebridge/db';
import { callAcceptsDrafts, DomainError, draftSchemaFor, type ListType } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeDrafting } from './policy.js';
import { denormalise, validationError } from './rules.js';

export async function createSubmissionDraft({
  services,
  actor,
  callId,
  data,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  data: unknown;
}) {
  const submitter = authorizeDrafting(actor);
  return inTransaction(services, actor, async (tx, events) => {
    const call = await findCall(tx, callId);
    if (!call || !callAcceptsDrafts(call.status)) throw new DomainError('CALL_NOT_OPEN', '该征集未开放填报', 409);
    const parsed = draftSchemaFor(call.listType as ListType).safeParse(data);
    if (!parsed.success) throw validationError(parsed.error);
    const [created] = await insertSubmissions(tx, [
      {
        callId,
        organizationId: submitter.organizationId,
        listType: call.listType,
        status: 'draft',
        data: parsed.data,
        createdBy: submitter.userId,
        ...denormalise(parsed.data),
        title: parsed.data.title,
      },
    ]);
    await events.record({
      action: 'submission.created',
      entityType: 'submission',
      entityId: created!.id,
      toState: 'draft',
      data: { callId },
    });
    return created!.id;
  });
}
