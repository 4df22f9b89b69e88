import { findSubmission } from '@scenebridge/db';
import { DomainError, isSubmissionEditable, notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { authorizeSubmission, submissionPolicy } from './policy.js';

/** The submission whose files the caller adds or removes: theirs to manage (404/403), still editable (409). */
export async function attachmentTarget(services: Services, actor: Actor | null, submissionId: string) {
  const row = await findSubmission(services.db, submissionId);
  if (!row) throw notFound(submissionPolicy.label);
  authorizeSubmission(actor, 'manageAttachments', row.submission);
  if (!isSubmissionEditable(row.submission.status)) {
    throw new DomainError('NOT_EDITABLE', '当前状态不能修改附件', 409);
  }
  return row.submission;
}
