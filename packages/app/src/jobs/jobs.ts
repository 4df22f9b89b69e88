import type { Services } from '../context.js';
import { createOutboxJob } from '../mail/index.js';
import { searchMatcher } from '../subscriptions/index.js';
import { forgetIdleLoginCounters } from '../auth/index.js';
import { advanceCallsByClock } from '../calls/index.js';
import { closeChallengesByClock } from '../challenges/index.js';
import { remindApplicationDrafts } from '../applications/index.js';
import { advancePublicitiesByClock } from '../publicity/index.js';
import { scanSubscriptions, sendDigests } from '../subscriptions/index.js';
import { remindOverdueReviews } from '../review/index.js';
import { expireSubmissionsByClock } from '../submissions/index.js';
import { purgeListingViews } from '../dashboard/index.js';
import { markDormantDeals, remindDueNextSteps } from '../deals/index.js';
import { remindDueContracts } from '../contracts/index.js';
import type { JobDefinition } from './registry.js';

/** Digests and reminders work in days: every few minutes is plenty. */
export const SLOW_JOB_INTERVAL_MS = 5 * 60_000;

/** The app's periodic jobs. A new job is one more entry here. */
export function appJobs(services: Services, log: { warn(obj: unknown, msg?: string): void }): JobDefinition[] {
  const every = services.config.clockIntervalMs;
  const outbox = createOutboxJob(services, log);
  const matcher = searchMatcher(services);
  return [
    { name: 'calls.advance-by-clock', intervalMs: every, run: (s) => advanceCallsByClock({ services: s }) },
    { name: 'challenges.close-by-clock', intervalMs: every, run: (s) => closeChallengesByClock({ services: s }) },
    // 公示 ends at 24:00 Shanghai of its last working day; objections are refused from then on by the server's clock.
    { name: 'publicity.advance-by-clock', intervalMs: every, run: (s) => advancePublicitiesByClock({ services: s }) },
    { name: 'subscriptions.scan', intervalMs: every, run: (s) => scanSubscriptions(s, matcher) },
    {
      // Its messages have their own leases, so a run outliving this one only duplicates claims, not mail.
      name: 'outbox.deliver',
      intervalMs: every,
      leaseMs: services.config.outboxLeaseMs,
      run: () => outbox.run(),
      close: () => outbox.close(),
    },
    { name: 'digests.send', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => sendDigests(s) },
    // Validity ends at 24:00 Shanghai: a few minutes late is within the day it ends.
    { name: 'submissions.expire-by-clock', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => expireSubmissionsByClock({ services: s }) },
    { name: 'applications.remind-drafts', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => remindApplicationDrafts({ services: s }) },
    { name: 'reviews.remind-overdue', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => remindOverdueReviews(s) },
    { name: 'auth.forget-idle-login-counters', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => forgetIdleLoginCounters(s) },
    // Listing views: yesterday's visitor keys and day secrets go once the Shanghai day is over (docs/dashboard.md).
    { name: 'dashboard.purge-listing-view-visitors', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => purgeListingViews({ services: s }) },
    // Deals (docs/deals.md): quiet open deals go dormant; due next steps are reminded once.
    { name: 'deals.mark-dormant', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => markDormantDeals({ services: s }) },
    { name: 'deals.remind-next-steps', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => remindDueNextSteps({ services: s }) },
    // 技术合同登记: registrations within 3 working days of their statutory last day, once per registration and day (docs/contracts.md).
    { name: 'contracts.remind-due', intervalMs: SLOW_JOB_INTERVAL_MS, run: (s) => remindDueContracts({ services: s }) },
  ];
}
