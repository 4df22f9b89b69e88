/**
 * Public listing views, once per visitor per Shanghai day, without keeping who (docs/dashboard.md):
 * the visitor's key is HMAC-SHA256 under the day's random secret of (IP address, user agent); the
 * key and the secret are deleted once the day is over (`purgeListingViews`, a daily job), after
 * which nobody — not even the operator — can tell whether two views came from the same person.
 * Only the day's count per listing stays.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { listingViewSalt, purgeListingViewVisitors, recordListingView as insertView } from '@scenebridge/db';
import { shanghaiDate } from '@scenebridge/domain/calendar';
import type { Services } from '../context.js';

/** This process's copy of each day's secret (the database holds the one all processes share). */
const salts = new WeakMap<Services['events'], Map<string, string>>();

async function saltOf(services: Services, day: string): Promise<string> {
  let days = salts.get(services.events);
  if (!days) salts.set(services.events, (days = new Map()));
  const known = days.get(day);
  if (known) return known;
  const salt = await listingViewSalt(services.db, day, randomBytes(32).toString('base64url'));
  days.clear(); // past days' secrets are of no further use here
  days.set(day, salt);
  return salt;
}

export function visitorKey(salt: string, ip: string, userAgent: string): string {
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('base64url');
}

/**
 * Counts a view of a published listing's public page. Answers whether it counted (false when
 * this visitor already viewed the listing today). The portal calls it without waiting.
 */
export async function recordListingView({
  services,
  submissionId,
  ip,
  userAgent,
}: {
  services: Services;
  submissionId: string;
  ip: string;
  userAgent: string;
}): Promise<boolean> {
  const day = shanghaiDate(services.now());
  const salt = await saltOf(services, day);
  return insertView(services.db, { day, submissionId, visitorKey: visitorKey(salt, ip, userAgent) });
}

/** The daily job: forget the visitor keys and secrets of every day before today (Shanghai). */
export async function purgeListingViews({ services }: { services: Services }): Promise<{ visitors: number; salts: number }> {
  return purgeListingViewVisitors(services.db, shanghaiDate(services.now()));
}
