import type { SubmissionState } from './lifecycles.js';

/**
 * How long a published listing (a need or a capability in a published batch) stays current: 12
 * months from its first publication, counted as the Civil Code counts a period (民法典 第201–203条):
 * the day of publication is not counted, the period ends on the corresponding day of the month
 * it runs out in (the last day of that month when there is none), at 24:00 Asia/Shanghai.
 * Published 2026-03-15 → valid until 2027-03-15 24:00; published 2024-02-29 → 2025-02-28 24:00.
 * docs/lifecycle-after-publication.md explains what expiry does.
 */
export const LISTING_VALIDITY_MONTHS = 12;
/** The owner is reminded this many days before the validity ends (kind `submission.expiring`). */
export const EXPIRY_REMINDER_DAYS = 30;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The instant a listing published at `publishedAt` stops being valid (exclusive end). */
export function listingValidUntil(publishedAt: Date, months = LISTING_VALIDITY_MONTHS): Date {
  const local = new Date(publishedAt.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDayOfTarget);
  // 24:00 of that Shanghai day is 00:00 of the next one.
  return new Date(Date.UTC(y, m, day) + DAY_MS - SHANGHAI_OFFSET_MS);
}

/** When the owner is told the end is near. */
export function expiryReminderAt(validUntil: Date, days = EXPIRY_REMINDER_DAYS): Date {
  return new Date(validUntil.getTime() - days * DAY_MS);
}

/** The last valid day as the owner reads it (Shanghai date, e.g. 2027-03-15). */
export function lastValidDay(validUntil: Date): string {
  return new Date(validUntil.getTime() - 1 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The states in which a listing is current and its validity runs: published, or in matching. */
export const LISTING_STATES_WITH_VALIDITY = ['published', 'matching'] as const satisfies readonly SubmissionState[];
