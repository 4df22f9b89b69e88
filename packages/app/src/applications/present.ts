import { allowedActions, applicationMachine, type ApplicationState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import type { LoadedApplication, LoadedApplicationDetail } from './access.js';
import { applicationMachineActors, applicationPolicy } from './policy.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentApplication({ app, participants, access }: LoadedApplication, actor: Actor | null) {
  const members = participants.filter((p) => p.role === 'member');
  const mine = actor ? members.find((m) => m.organizationId === actor.organizationId) : undefined;
  return {
    id: app.id,
    challengeId: app.challengeId,
    challengeTitle: app.challengeTitle,
    challengeDeadline: app.challengeDeadline.toISOString(),
    leadOrganizationId: app.leadOrganizationId,
    leadOrganizationName: app.leadOrganizationName,
    status: app.status as ApplicationState,
    statusReason: app.statusReason,
    plan: app.plan,
    teamLeader: app.teamLeader as { name: string; title: string; phone: string },
    quoteFen: app.quoteFen,
    schedule: app.schedule as { plannedDate: string }[],
    members: members.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      creditCode: m.creditCode,
      status: m.status as 'invited' | 'confirmed' | 'declined',
      reason: m.reason,
      decidedAt: iso(m.decidedAt),
    })),
    /** Every member has confirmed (always true without members). */
    consortiumConfirmed: members.every((m) => m.status === 'confirmed'),
    submittedAt: iso(app.submittedAt),
    withdrawnAt: iso(app.withdrawnAt),
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    canEdit: applicationPolicy.allow(actor, 'edit', access),
    /** The caller's organisation's place, when it is a consortium member. */
    myMembership: mine
      ? {
          status: mine.status as 'invited' | 'confirmed' | 'declined',
          canDecide: applicationPolicy.allow(actor, 'decideMembership', access),
        }
      : null,
    allowedActions: allowedActions(applicationMachine, app.status as ApplicationState, applicationMachineActors(actor, access)).filter(
      // The award is given through 公示, not from the application.
      (a) => a !== 'award',
    ),
  };
}
export type ApplicationView = ReturnType<typeof presentApplication>;

/** The application's own page: everything of the list item, and its files. */
export function presentApplicationDetail(loaded: LoadedApplicationDetail, actor: Actor | null) {
  return {
    ...presentApplication(loaded, actor),
    attachments: loaded.attachments.map((f) => ({
      id: f.id,
      filename: f.filename,
      mediaType: f.mediaType,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
    })),
  };
}
