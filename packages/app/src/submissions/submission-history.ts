import { findSubmission, listAuditEvents } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { submissionPolicy } from './policy.js';

export async function submissionHistory({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const row = await findSubmission(services.db, id);
  if (!row) throw notFound(submissionPolicy.label);
  submissionPolicy.authorize(actor, 'view', row.submission);
  const { items } = await listAuditEvents(services.db, { entityType: 'submission', entityId: id, limit: 500, offset: 0, ascending: true });
  return items.map((e) => ({
    at: e.at.toISOString(),
    actorLabel: e.actorLabel,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    reason: e.reason,
  }));
}
