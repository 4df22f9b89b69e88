import { DomainError } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import type { Executor } from '@scenebridge/db';
import { loadApplication } from './access.js';
import { applicationPolicy } from './policy.js';

export const MAX_ATTACHMENTS_PER_APPLICATION = 20;

/**
 * The application whose files the caller adds or removes: one it may see (else 404), its lead's
 * draft (a consortium member 403, the lead after submission 409 — the files are part of what was
 * submitted). With `forUpdate` the row stays locked, so concurrent uploads cannot pass the count together.
 */
export async function attachmentTarget(db: Executor, actor: Actor, applicationId: string, now: Date, opts: { forUpdate?: boolean } = {}) {
  const loaded = await loadApplication(db, actor, applicationId, now, opts);
  if (loaded.app.status !== 'draft' && applicationPolicy.allow(actor, 'actAsOwner', loaded.access)) {
    throw new DomainError('APPLICATION_NOT_EDITABLE', '申报已提交，不能修改附件', 409);
  }
  applicationPolicy.authorize(actor, 'edit', loaded.access);
  return loaded;
}
