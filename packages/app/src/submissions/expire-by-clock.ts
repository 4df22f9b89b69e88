/**
 * The clock's job for published listings (docs/lifecycle-after-publication.md): a listing whose
 * validity has ended (published or in matching, `valid_until` reached) expires, by the system,
 * through the submission machine and audited, and its owners are told (subscribers.ts, kind
 * `submission.expired`, one per organisation per run). Listings within 30 days of their end are
 * reminded once (kind `submission.expiring`); the reminder changes no state and records no event.
 * Re-running changes nothing: expired items are no longer current, reminded ones are marked.
 */
import { createHash } from 'node:crypto';
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  claimExpiryReminders,
  lockSubmissionsPastValidity,
  notifyUsers,
  updateSubmission,
  usersOfOrganizations,
  type NotifyItem,
} from '@scenebridge/db';
import {
  decide,
  EXPIRY_REMINDER_DAYS,
  lastValidDay,
  LISTING_STATES_WITH_VALIDITY,
  submissionMachine,
  type SubmissionState,
} from '@scenebridge/domain';
import type { Services } from '../context.js';
import { groupBy, titleLines } from '../notifications/index.js';
import { inTransaction, type DomainEvent } from '../shared/index.js';

/** Listings expired per transaction; a longer backlog takes several. */
const EXPIRE_CHUNK = 500;
const DAY_MS = 24 * 3600_000;

/** A stable name for a set of items, for the dedupe key of the one notification about them. */
export const itemSetKey = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 16);

export async function expireSubmissionsByClock({ services }: { services: Services }): Promise<{ expired: number; reminded: number }> {
  const now = services.now();
  let expired = 0;
  for (;;) {
    const n = await inTransaction(services, null, async (tx, events) => {
      // Skips rows another transaction holds: that one decides them; the next run sees the rest.
      const due = await lockSubmissionsPastValidity(tx, now, LISTING_STATES_WITH_VALIDITY, EXPIRE_CHUNK);
      const recorded: DomainEvent[] = [];
      for (const s of due) {
        const t = decide(submissionMachine, { from: s.status as SubmissionState, action: 'expire', actors: ['system'] });
        const reason = `有效期至${lastValidDay(s.validUntil!)}，已届满`;
        if (!(await updateSubmission(tx, s.id, s.status, { status: t.to, statusReason: reason }))) continue;
        recorded.push({
          action: 'submission.expire',
          entityType: 'submission',
          entityId: s.id,
          fromState: s.status,
          toState: t.to,
          reason,
          data: { validUntil: s.validUntil!.toISOString() },
        });
      }
      await events.record(...recorded);
      return { locked: due.length, moved: recorded.length };
    });
    expired += n.moved;
    if (n.locked < EXPIRE_CHUNK) break;
  }
  return { expired, reminded: await remindExpiring(services, now) };
}

async function remindExpiring(services: Services, now: Date): Promise<number> {
  return services.db.transaction(async (tx) => {
    const horizon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY_MS);
    const due = await claimExpiryReminders(tx, now, horizon, LISTING_STATES_WITH_VALIDITY);
    if (due.length === 0) return 0;
    const byOrg = groupBy(due, (s) => s.organizationId);
    const usersOf = groupBy(await usersOfOrganizations(tx, [...byOrg.keys()]), (u) => u.organizationId);
    const notes: NotifyItem[] = [];
    for (const [organizationId, mine] of byOrg) {
      const days = [...new Set(mine.map((s) => lastValidDay(s.validUntil!)))].sort();
      const what = mine.length === 1 ? `您的「${mine[0]!.title}」` : `您的${mine.length}个已发布项目`;
      for (const u of usersOf.get(organizationId) ?? []) {
        notes.push({
          userId: u.id,
          kind: 'submission.expiring',
          title: `${what}即将到期`,
          body: [titleLines(mine.map((s) => s.title)), `有效期至${days.join('、')}，届满后将不再出现在检索和匹配中。`].join('\n'),
          link: mine.length === 1 ? `/submissions/${mine[0]!.id}` : '/submissions',
          data: { submissionIds: mine.map((s) => s.id), validUntil: mine.map((s) => s.validUntil!.toISOString()) },
          dedupeKey: `submission.expiring:${itemSetKey(mine.map((s) => s.id))}:${u.id}`,
          email: emailByDefault('submission.expiring'),
        });
      }
    }
    await notifyUsers(tx, notes);
    return due.length;
  });
}
