import type { AttachmentMeta, SubmissionRow } from '@scenebridge/db';
import { allowedActions, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { machineActorsFor } from './policy.js';
import { USER_ACTIONS } from './rules.js';

export function presentSubmission(
  row: { submission: SubmissionRow; organizationName: string; callTitle: string },
  attachments: AttachmentMeta[],
  actor: Actor | null,
) {
  const s = row.submission;
  return {
    id: s.id,
    callId: s.callId,
    callTitle: row.callTitle,
    listType: s.listType,
    status: s.status,
    title: s.title,
    organization: { id: s.organizationId, name: row.organizationName },
    data: s.data,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    statusReason: s.statusReason,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      mediaType: a.mediaType,
      size: a.size,
      createdAt: a.createdAt.toISOString(),
    })),
    // The buttons: the machine's moves for the roles the policy gives the caller, those people take.
    allowedActions: allowedActions(submissionMachine, s.status as SubmissionState, machineActorsFor(actor, s)).filter((a) =>
      USER_ACTIONS.includes(a),
    ),
  };
}
