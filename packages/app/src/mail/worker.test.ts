import { enqueueOutbox, findOutboxByDedupeKey, listOutbox, notifyUsers, claimOutbox, schema } from '@scenebridge/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, makeOrganization, makeUser, type TestContext } from '../testing.js';
import { createOutboxJob } from './index.js';
import { startTestSmtpServer, type TestSmtpServer } from './testing.js';
import { smtpSender, type MailSender } from './transport.js';
import { deliverOutbox, messageIdOf, retryDelayMs } from './worker.js';

let ctx: TestContext;
let smtp: TestSmtpServer | undefined;
// Rows queued by notifyUsers are available from the database's now(); the test clock starts just after.
const t0 = new Date(Date.now() + 60_000);
const LEASE = 5 * 60_000;
let userId: string;
let userEmail: string;
const senders: MailSender[] = [];
const sender = (url: string) => {
  const s = smtpSender(url);
  senders.push(s);
  return s;
};

beforeAll(async () => {
  ctx = await createTestContext({ now: t0, config: { outboxLeaseMs: LEASE, outboxMaxAttempts: 4 } });
  const org = await makeOrganization(ctx.services);
  const u = await makeUser(ctx.services, org.id, ['org_member']);
  userId = u.id;
  userEmail = u.email;
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(async () => {
  ctx.setNow(t0);
  await ctx.services.db.delete(schema.outbox);
});
afterEach(async () => {
  senders.splice(0).forEach((s) => s.close());
  await smtp?.close();
  smtp = undefined;
});

const later = (ms: number) => new Date(t0.getTime() + ms);
async function queue(n: number, tag: string) {
  await notifyUsers(
    ctx.services.db,
    Array.from({ length: n }, (_, i) => ({
      userId,
      kind: 'test.mail',
      title: `测试邮件${tag}第${i + 1}封`,
      body: '这是一封测试邮件。',
      link: `/submissions/${i}`,
      dedupeKey: `mailtest:${tag}:${i}`,
      email: true,
    })),
  );
}
const deliver = (s: MailSender, workerId = 'w') => deliverOutbox({ services: ctx.services, sender: s, workerId });

describe('outbox delivery over a real SMTP server', () => {
  it('a worker that crashed after claiming: the row is sent once, by another worker, after the lease', async () => {
    smtp = await startTestSmtpServer();
    await queue(1, 'crash');
    // Worker A claims the row and dies before sending (nothing else happens on its side).
    const [claimed] = await claimOutbox(ctx.services.db, { workerId: 'A', now: t0, leaseMs: LEASE, limit: 1 });
    expect(claimed).toBeDefined();
    const b = sender(smtp.url);
    expect(await deliver(b, 'B')).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(smtp.accepted).toHaveLength(0);
    ctx.setNow(later(LEASE));
    expect(await deliver(b, 'B')).toEqual({ sent: 1, retried: 0, dead: 0 });
    ctx.setNow(later(10 * LEASE));
    expect(await deliver(b, 'B')).toEqual({ sent: 0, retried: 0, dead: 0 });

    const [mail] = await smtp.parsed();
    expect(smtp.accepted).toHaveLength(1);
    expect(mail!.messageId).toBe(messageIdOf(claimed!, ctx.services.config.mailFrom));
    expect(mail!.messageId).toBe(`<outbox.${claimed!.id}@scenebridge.local>`);
    expect(mail!.subject).toBe('【场景桥】测试邮件crash第1封');
    expect(mail!.to).toMatchObject({ text: userEmail });
    expect(mail!.text).toContain('http://localhost:3000/submissions/0');
    expect(mail!.html).toContain('href="http://localhost:3000/submissions/0"');
    expect(await findOutboxByDedupeKey(ctx.services.db, 'notification:mailtest:crash:0')).toMatchObject({
      status: 'sent',
      attempts: 2,
      lockedBy: 'B',
    });
  });

  it('two workers running at once deliver every message exactly once', async () => {
    smtp = await startTestSmtpServer();
    await queue(24, 'pair');
    const [r1, r2] = await Promise.all([deliver(sender(smtp.url), 'W1'), deliver(sender(smtp.url), 'W2')]);
    expect(r1.sent + r2.sent).toBe(24);
    const ids = (await smtp.parsed()).map((m) => m.messageId);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    const rows = await listOutbox(ctx.services.db);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => messageIdOf(r, ctx.services.config.mailFrom))));
  });

  it('a temporary refusal (451) is retried with backoff and then delivered once', async () => {
    smtp = await startTestSmtpServer({ refuse: (n) => (n < 2 ? 451 : null) });
    await queue(1, 'busy');
    const s = sender(smtp.url);
    expect(await deliver(s)).toEqual({ sent: 0, retried: 1, dead: 0 });
    const row = await findOutboxByDedupeKey(ctx.services.db, 'notification:mailtest:busy:0');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(row!.lastError).toContain('451');
    expect(row!.availableAt.getTime()).toBe(later(retryDelayMs(1)).getTime());
    // Not before its retry time.
    expect(await deliver(s)).toEqual({ sent: 0, retried: 0, dead: 0 });
    ctx.setNow(later(retryDelayMs(1)));
    expect(await deliver(s)).toEqual({ sent: 0, retried: 1, dead: 0 });
    ctx.setNow(later(retryDelayMs(1) + retryDelayMs(2)));
    expect(await deliver(s)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(smtp.refused).toBe(2);
    expect(smtp.accepted).toHaveLength(1);
    expect(await findOutboxByDedupeKey(ctx.services.db, 'notification:mailtest:busy:0')).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
    });
  });

  it('a permanent refusal (550) is dead at once; repeated temporary failures end dead after the last attempt', async () => {
    smtp = await startTestSmtpServer({ refuse: () => 550 });
    await queue(1, 'gone');
    const s = sender(smtp.url);
    expect(await deliver(s)).toEqual({ sent: 0, retried: 0, dead: 1 });
    ctx.setNow(later(24 * 3600_000));
    expect(await deliver(s)).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await findOutboxByDedupeKey(ctx.services.db, 'notification:mailtest:gone:0')).toMatchObject({ status: 'dead', attempts: 1 });

    await smtp.close();
    smtp = await startTestSmtpServer({ refuse: () => 421 });
    ctx.setNow(t0);
    await queue(1, 'flaky');
    const f = sender(smtp.url);
    let at = t0.getTime();
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await deliver(f);
      outcomes.push(r.dead ? 'dead' : r.retried ? 'retry' : 'none');
      at += 7 * 3600_000;
      ctx.setNow(new Date(at));
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'dead', 'none', 'none']);
    expect(smtp.accepted).toHaveLength(0);
  });

  it('unknown kinds and rows without a recipient are dead, not retried forever', async () => {
    smtp = await startTestSmtpServer();
    await enqueueOutbox(ctx.services.db, [
      { kind: 'fax', dedupeKey: 'odd:1', payload: {}, availableAt: t0 },
      { kind: 'notification', dedupeKey: 'odd:2', payload: { title: '无收件人' }, availableAt: t0 },
    ]);
    expect(await deliver(sender(smtp.url))).toEqual({ sent: 0, retried: 0, dead: 2 });
  });

  /**
   * The window SMTP cannot close, shown rather than hidden: the server accepted the message and
   * the worker died before recording it. The row is sent again after its lease, with the same
   * Message-ID, so receivers that deduplicate on Message-ID show one message.
   */
  it('accepted but not recorded (crash between 250 and the database update): resent with the same Message-ID', async () => {
    smtp = await startTestSmtpServer();
    await queue(1, 'window');
    const real = sender(smtp.url);
    const dying: MailSender = {
      send: async (m) => {
        await real.send(m);
        throw new Error('process killed after the server accepted');
      },
      close: () => {},
    };
    await deliver(dying, 'A');
    ctx.setNow(later(retryDelayMs(1)));
    expect((await deliver(real, 'B')).sent).toBe(1);
    const mails = await smtp.parsed();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.messageId).toBe(mails[1]!.messageId);
  });

  it('without SMTP_URL nothing is sent and the job says so once', async () => {
    await queue(1, 'nosmtp');
    const warnings: string[] = [];
    const job = createOutboxJob(ctx.services, { warn: (_o, msg) => warnings.push(String(msg)) });
    expect(await job.run()).toBeNull();
    expect(await job.run()).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SMTP_URL');
    expect(await findOutboxByDedupeKey(ctx.services.db, 'notification:mailtest:nosmtp:0')).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
  });
});
