import { findSubmission, updateSubmission } from '@scenebridge/db';
import { DomainError, draftSchemaFor, isSubmissionEditable, notFound, type ListType } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeSubmission, submissionPolicy } from './policy.js';
import { denormalise, validationError } from './rules.js';

export async function updateSubmissionDraft({
  services,
  actor,
  id,
  data,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  data: unknown;
}) {
  return inTransaction(services, actor, async (tx, events) => {
    const row = await findSubmission(tx, id, { forUpdate: true });
    if (!row) throw notFound(submissionPolicy.label);
    const s = row.submission;
    authorizeSubmission(actor, 'update', s);
    if (!isSubmissionEditable(s.status)) throw new DomainError('NOT_EDITABLE', '当前状态不能修改', 409);
    const parsed = draftSchemaFor(s.listType as ListType).safeParse(data);
    if (!parsed.success) throw validationError(parsed.error);
    const updated = await updateSubmission(tx, id, s.status, { data: parsed.data, ...denormalise(parsed.data), title: parsed.data.title });
    if (!updated) throw new DomainError('CONFLICT', '填报已被修改，请刷新后重试', 409);
    await events.record({ action: 'submission.updated', entityType: 'submission', entityId: id, data: { version: updated.version } });
    return id;
  });
}
