import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable per outbox row: a copy sent again after a crash carries the same id. */
  messageId: string;
  headers?: Record<string, string>;
}

/** Resolves once the mail server accepted the message (250 after DATA); rejects otherwise. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * An SMTP sender from a nodemailer URL (smtp://user:pass@host:587, smtps://…). Timeouts are
 * set well below the outbox lease: a send that hangs must fail before another worker could
 * take the same row over.
 */
export function smtpSender(url: string, opts: { timeoutMs?: number } = {}): MailSender {
  const timeout = opts.timeoutMs ?? 60_000;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: Math.min(timeout, 30_000),
    greetingTimeout: Math.min(timeout, 30_000),
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(m) {
      await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: m.headers,
      });
    },
    close: () => transport.close(),
  };
}

/** A 5xx answer is final (unknown mailbox, refused content); everything else may pass later. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
