import {
  findApplication,
  listApplicationAttachments,
  listParticipants,
  type ApplicationAttachmentMeta,
  type ApplicationWithRefs,
  type Executor,
  type ParticipantWithOrg,
} from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { applicationPolicy, type ApplicationAccess } from './policy.js';

export interface LoadedApplication {
  app: ApplicationWithRefs;
  participants: ParticipantWithOrg[];
  access: ApplicationAccess;
}
/** One application as its page shows it: with its files (lists leave them out). */
export type LoadedApplicationDetail = LoadedApplication & { attachments: ApplicationAttachmentMeta[] };

export function accessOf(app: ApplicationWithRefs, participants: readonly ParticipantWithOrg[], now: Date): ApplicationAccess {
  return {
    leadOrganizationId: app.leadOrganizationId,
    status: app.status,
    submittedAt: app.submittedAt,
    challengeOrganizationId: app.challengeOrganizationId,
    deadlinePassed: now.getTime() >= app.challengeDeadline.getTime(),
    memberOrganizationIds: participants.filter((p) => p.role === 'member').map((p) => p.organizationId),
  };
}

/** Reads an application the caller may see, or 404. */
export async function loadApplication(
  db: Executor,
  actor: Actor | null,
  id: string,
  now: Date,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedApplicationDetail> {
  const app = await findApplication(db, id, opts);
  if (!app) throw notFound(applicationPolicy.label);
  const participants = await listParticipants(db, id);
  const access = accessOf(app, participants, now);
  applicationPolicy.authorize(actor, 'view', access);
  return { app, participants, access, attachments: await listApplicationAttachments(db, id) };
}
