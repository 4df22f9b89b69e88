/**
 * Who hears what a use case records, in its transaction. The audit trail hears everything;
 * a feature that reacts to another's events (notifications, outbox) adds its subscriber here.
 */
import { appendAuditEvents } from '@scenebridge/db';
import { actorLabel } from '../context.js';
import { callNotifications } from '../calls/index.js';
import { challengeNotifications } from '../challenges/index.js';
import { applicationNotifications } from '../applications/index.js';
import { awardCreatedNotifications } from '../awards/index.js';
import { applicationReviewNotifications } from '../application-review/index.js';
import { awardNotifications, terminateAwardsWithChallenge } from '../awards/index.js';
import { interestNotifications } from '../matching/index.js';
import { organizationNotifications } from '../organizations/index.js';
import { publicationNotifications } from '../publication/index.js';
import { publicityNotifications } from '../publicity/index.js';
import { mergeNotifications } from '../quality/index.js';
import { reviewNotifications } from '../review/index.js';
import { expiryNotifications, submissionDecisionNotifications } from '../submissions/index.js';
import { dashboardCacheInvalidation } from '../dashboard/index.js';
import { dealNotifications, dealsFromAwards, interestDeclinedNotifications } from '../deals/index.js';
import { contractNotifications } from '../contracts/index.js';
import { policyMatchNotifications } from '../policy-hub/index.js';
import { subscribe, type Subscriber } from './transaction.js';

/** Every recorded event is one entry of the audit chain, in the order recorded. */
export const auditTrail: Subscriber = async (events, { tx, actor }) => {
  await appendAuditEvents(
    tx,
    events.map(({ actedBy, ...e }) => ({
      actorUserId: actedBy ? actedBy.userId : (actor?.userId ?? null),
      actorLabel: actedBy?.label ?? actorLabel(actor),
      ...e,
    })),
  );
};

let registered = false;
/** Idempotent; createServices calls it. */
export function registerSubscribers(): void {
  if (registered) return;
  registered = true;
  subscribe(auditTrail);
  subscribe(interestNotifications);
  subscribe(mergeNotifications);
  subscribe(reviewNotifications);
  subscribe(submissionDecisionNotifications);
  subscribe(expiryNotifications);
  subscribe(publicationNotifications);
  subscribe(organizationNotifications);
  subscribe(callNotifications);
  subscribe(challengeNotifications);
  subscribe(applicationNotifications);
  subscribe(publicityNotifications);
  subscribe(awardCreatedNotifications);
  subscribe(applicationReviewNotifications);
  subscribe(terminateAwardsWithChallenge);
  subscribe(awardNotifications);
  subscribe(dashboardCacheInvalidation);
  subscribe(dealsFromAwards);
  subscribe(dealNotifications);
  subscribe(interestDeclinedNotifications);
  subscribe(contractNotifications);
  subscribe(policyMatchNotifications);
}
