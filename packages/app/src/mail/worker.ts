/**
 * Outbox delivery: claim one row with a lease, send it, mark it sent.
 *
 * Why no message is lost: rows are written in the transaction of the change that causes them,
 * and a row leaves 'pending' only when the SMTP server has accepted it (markOutboxSent runs
 * after sendMail resolved) or when it is given up as 'dead' (a 5xx answer, or N attempts).
 * A worker that crashes after claiming leaves the row pending with a lease; once the lease has
 * passed any worker claims and sends it.
 *
 * Why none is sent twice by two workers: claiming is FOR UPDATE SKIP LOCKED plus a lease, so
 * two workers never hold the same row; a send is cut off at half the lease, so a lease cannot
 * run out under a send still in progress (if it ever did, markOutboxSent refuses the old
 * holder and we log it).
 *
 * The window SMTP cannot close: the server accepted the message (250 after DATA) and this
 * process died, or lost its database, before markOutboxSent committed. The row is still
 * pending; after the lease it is sent again. The copy carries the same Message-ID (one per
 * outbox row), so mail clients and servers that deduplicate on it show it once, but it is a
 * second delivery. A timed-out send is the same case: the server may have accepted before the
 * timeout, and the retry repeats it. Closing this would need the receiving side to
 * deduplicate, which SMTP does not offer.
 */
import { randomBytes } from 'node:crypto';
import {
  claimOutbox,
  markOutboxFailed,
  markOutboxSent,
  NOTIFICATION_EMAIL,
  type NotificationEmailPayload,
  type OutboxRow,
} from '@scenebridge/db';
import type { Services } from '../context.js';
import { renderNotificationEmail, type RenderedEmail } from './templates.js';
import { isPermanentFailure, type MailSender, type OutgoingMail } from './transport.js';

/** The outbox kind of a digest; its payload is already rendered. */
export const DIGEST_EMAIL = 'digest';
export interface PrerenderedEmailPayload extends RenderedEmail {
  to: string;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  dead: number;
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

export const newWorkerId = () => `worker-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Waits after the n-th failed attempt: 1 min, 4 min, 16 min, 64 min, then 6 h at most. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function mailDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'scenebridge.local';
}

/** One Message-ID per outbox row, however often the row is sent. */
export const messageIdOf = (row: Pick<OutboxRow, 'id'>, from: string) => `<outbox.${row.id}@${mailDomain(from)}>`;

class PermanentError extends Error {}

export function composeMail(row: OutboxRow, services: Services): OutgoingMail {
  const { mailFrom, publicBaseUrl } = services.config;
  let rendered: RenderedEmail & { to: string };
  if (row.kind === NOTIFICATION_EMAIL) {
    const p = row.payload as NotificationEmailPayload;
    rendered = { to: p.to, ...renderNotificationEmail(p, publicBaseUrl) };
  } else if (row.kind === DIGEST_EMAIL) {
    rendered = row.payload as PrerenderedEmailPayload;
  } else {
    throw new PermanentError(`unknown outbox kind ${row.kind}`);
  }
  if (!rendered.to) throw new PermanentError('outbox row has no recipient');
  return {
    from: mailFrom,
    to: rendered.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: rendered.headers,
    messageId: messageIdOf(row, mailFrom),
  };
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`send did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Sends due outbox rows one at a time until none is left or `max` were handled. One row per
 * claim keeps each lease covering exactly one send.
 */
export async function deliverOutbox({
  services,
  sender,
  workerId,
  max = 100,
  log,
}: {
  services: Services;
  sender: MailSender;
  workerId: string;
  max?: number;
  log?: Logger;
}): Promise<DeliveryReport> {
  const { outboxLeaseMs, outboxMaxAttempts } = services.config;
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0 };
  for (let handled = 0; handled < max; handled++) {
    const [row] = await claimOutbox(services.db, { workerId, now: services.now(), leaseMs: outboxLeaseMs, limit: 1 });
    if (!row) break;
    try {
      await withDeadline(sender.send(composeMail(row, services)), Math.floor(outboxLeaseMs / 2));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const final = e instanceof PermanentError || isPermanentFailure(e) || row.attempts >= outboxMaxAttempts;
      await markOutboxFailed(services.db, row.id, workerId, {
        error,
        retryAt: final ? null : new Date(services.now().getTime() + retryDelayMs(row.attempts)),
      });
      if (final) report.dead++;
      else report.retried++;
      log?.warn({ outboxId: row.id, attempts: row.attempts, error, final }, final ? 'email given up' : 'email failed, will retry');
      continue;
    }
    // Accepted by the server. From here to the commit below is the window named above.
    if (await markOutboxSent(services.db, row.id, workerId, services.now())) report.sent++;
    else log?.warn({ outboxId: row.id }, 'email sent after its lease was lost: it may have gone out twice');
  }
  return report;
}
