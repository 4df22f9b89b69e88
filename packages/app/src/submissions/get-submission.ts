import { findSubmission, listAttachments } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { submissionPolicy } from './policy.js';

export async function getSubmission({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const row = await findSubmission(services.db, id);
  if (!row) throw notFound(submissionPolicy.label);
  submissionPolicy.authorize(actor, 'view', row.submission);
  return { row, attachments: await listAttachments(services.db, id) };
}
