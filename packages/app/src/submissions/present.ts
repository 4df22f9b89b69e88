import type { AttachmentMeta, SubmissionRow } from '@scenebridge/db';
import { allowedActions, submissionMachine, type SubmissionState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { machineActorsFor } from './policy.js';
import { USER_ACTIONS } from './rules.js';

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();

/**
 * The receipt reference (回执编号) of a submission, e.g. SB2026-000123: the year it was started
 * and the serial the database gave it, neither of which ever changes. Shown once it has been
 * submitted; a draft has no receipt.
 */
export function receiptNumber(s: { receiptSeq: number; createdAt: Date; submittedAt: Date | null }): string | null {
  if (!s.submittedAt) return null;
  return `SB${shanghaiYear(s.createdAt)}-${String(s.receiptSeq).padStart(6, '0')}`;
}

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
    receiptNo: receiptNumber(s),
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
