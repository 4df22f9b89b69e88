import type { Services } from '../context.js';
import { smtpSender, type MailSender } from './transport.js';
import { deliverOutbox, newWorkerId, type DeliveryReport } from './worker.js';

export * from './templates.js';
export * from './transport.js';
export * from './unsubscribe-token.js';
export * from './worker.js';

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

export interface OutboxJob {
  /** Sends what is due; null when there is no mail server or a run is still going. */
  run(): Promise<DeliveryReport | null>;
  close(): void;
}

/**
 * The process's outbox worker. Without SMTP_URL nothing is sent: messages stay pending in the
 * outbox (they go out once a server is configured) and this says so once, at start.
 */
export function createOutboxJob(services: Services, log: Logger, sender?: MailSender): OutboxJob {
  const url = services.config.smtpUrl;
  if (!sender && !url) {
    log.warn({}, 'SMTP_URL is not set: emails are kept in the outbox and not sent');
    return { run: async () => null, close: () => {} };
  }
  const mail = sender ?? smtpSender(url!, { timeoutMs: Math.floor(services.config.outboxLeaseMs / 4) });
  const workerId = newWorkerId();
  let running = false;
  return {
    async run() {
      if (running) return null;
      running = true;
      try {
        return await deliverOutbox({ services, sender: mail, workerId, log });
      } finally {
        running = false;
      }
    },
    close: () => mail.close(),
  };
}
