import { findDraftsBeforeDeadline, notifyUsers, usersOfOrganizations, type NotifyItem } from '@scenebridge/db';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import type { Services } from '../context.js';

const DAY = 86400_000;
/** Reminders before the deadline: 3 days and 1 day (the nearest one not yet passed is sent). */
export const DRAFT_REMINDER_THRESHOLDS = [
  { key: '1d', ms: DAY, words: '1天' },
  { key: '3d', ms: 3 * DAY, words: '3天' },
] as const;

/**
 * The clock's job: the lead organisation's users of every draft whose challenge closes within 3
 * days hear it once at 3 days and once at 1 day (dedupe key per application and threshold; a
 * draft first seen inside 1 day gets only the 1-day reminder). A rerun sends nothing new.
 */
export async function remindApplicationDrafts({ services }: { services: Services }): Promise<number> {
  const now = services.now();
  const drafts = await findDraftsBeforeDeadline(services.db, now, DRAFT_REMINDER_THRESHOLDS[1].ms);
  const notes: NotifyItem[] = [];
  for (const d of drafts) {
    const left = d.challengeDeadline.getTime() - now.getTime();
    const threshold = DRAFT_REMINDER_THRESHOLDS.find((t) => left <= t.ms)!;
    for (const u of await usersOfOrganizations(services.db, [d.leadOrganizationId])) {
      notes.push({
        userId: u.id,
        kind: 'application.deadline_reminder',
        title: `揭榜申报尚未提交，距截止不足${threshold.words}：${d.challengeTitle}`,
        body: '申报仍为草稿。请在截止前确认联合体成员并提交，截止后将不能提交。',
        link: `/applications/${d.id}`,
        data: { applicationId: d.id, challengeId: d.challengeId, threshold: threshold.key },
        dedupeKey: `application.deadline_reminder:${d.id}:${threshold.key}:${u.id}`,
        email: emailByDefault('application.deadline_reminder'),
      });
    }
  }
  await notifyUsers(services.db, notes);
  return drafts.length;
}
