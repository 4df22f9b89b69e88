import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRelation, schema } from '@scenebridge/db';
import type { DomainError } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { transitionChallenge } from '../challenges/index.js';
import { createTestContext, type AppTestContext } from '../testing.js';
import {
  assignAcceptors,
  deliverMilestone,
  eliminateAward,
  getAward,
  listMyAcceptanceTasks,
  listMyAwards,
  recordAcceptance,
  recordPayment,
  startAward,
} from './index.js';
import { actorOf, makeAward, makeExpert, makeOperator, type AwardFixture } from './testing.js';

let ctx: AppTestContext;
let operator: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await makeOperator(ctx.services);
});
afterAll(() => ctx.close());

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if ((e as Error).name === 'ZodError') return 'VALIDATION_FAILED';
    return (e as DomainError).code;
  }
  return 'ok';
};
const db = () => ctx.handle.db;
const awardRow = async (id: string) => (await db().select().from(schema.challengeAwards).where(eq(schema.challengeAwards.id, id)))[0]!;
const milestoneRow = async (id: string) => (await db().select().from(schema.awardMilestones).where(eq(schema.awardMilestones.id, id)))[0]!;
const challengeStatus = async (id: string) => (await db().select().from(schema.challenges).where(eq(schema.challenges.id, id)))[0]!.status;
const needStatus = async (id: string) => (await db().select().from(schema.submissions).where(eq(schema.submissions.id, id)))[0]!;
const audit = async (id: string) =>
  (await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, id)).orderBy(schema.auditEvents.seq)).map(
    (e) => e.action,
  );
const notified = async (userId: string, kind: string) =>
  (await db().select().from(schema.notifications).where(eq(schema.notifications.userId, userId))).filter((n) => n.kind === kind);

const services = () => ctx.services;
const as = (userId: string) => actorOf(ctx.services, userId);
const deliver = async (f: AwardFixture, seq: number) =>
  deliverMilestone({
    services: services(),
    actor: await as(f.lead.userId),
    awardId: f.awardId,
    milestoneId: f.milestones[seq - 1]!.id,
    input: { note: `第${seq}阶段交付说明`, links: [{ title: '测试报告', url: 'https://example.cn/report.pdf' }] },
  });

/** Delivers milestone `seq`, assigns one expert and records the owner's and the expert's verdicts. */
async function accept(
  f: AwardFixture,
  seq: number,
  verdicts: ['pass' | 'pass_with_conditions' | 'fail', 'pass' | 'pass_with_conditions' | 'fail'] = ['pass', 'pass'],
) {
  await deliver(f, seq);
  const expert = await makeExpert(ctx.services);
  const milestoneId = f.milestones[seq - 1]!.id;
  await assignAcceptors({ services: services(), actor: operator, awardId: f.awardId, milestoneId, input: { userIds: [expert.id] } });
  const opinion = (v: string, text: string) => ({ verdict: v, score: v === 'fail' ? 40 : 85, ...(v === 'pass' ? {} : { opinion: text }) });
  const owner = await as(f.owner.userId);
  await recordAcceptance({
    services: services(),
    actor: owner,
    awardId: f.awardId,
    milestoneId,
    input: opinion(verdicts[0], '补充现场测试报告'),
  });
  await recordAcceptance({
    services: services(),
    actor: await as(expert.id),
    awardId: f.awardId,
    milestoneId,
    input: opinion(verdicts[1], '识别率未达标'),
  });
  return expert;
}

describe('reading awards', () => {
  it('shows an award to the owner, the lead, a confirmed member and operators; anyone else 404', async () => {
    const f = await makeAward(ctx.services, { withMember: true });
    for (const id of [f.owner.userId, f.lead.userId, f.member!.userId]) {
      const d = await getAward({ services: services(), actor: await as(id), id: f.awardId });
      expect(d.milestones.map((m) => m.status)).toEqual(['pending', 'pending']);
    }
    expect((await getAward({ services: services(), actor: operator, id: f.awardId })).allowedActions).toContain('start');
    const other = await makeAward(ctx.services);
    expect(await codeOf(getAward({ services: services(), actor: await as(other.lead.userId), id: f.awardId }))).toBe('NOT_FOUND');
    const mine = await listMyAwards({ services: services(), actor: await as(f.member!.userId), query: { page: 1, pageSize: 20 } });
    expect(mine.items.map((a) => a.id)).toEqual([f.awardId]);
  });
});

describe('starting and delivering', () => {
  it('starts the agreement: the challenge enters milestones and the source need delivery, audited', async () => {
    const f = await makeAward(ctx.services, { withNeed: true });
    expect(await codeOf(startAward({ services: services(), actor: await as(f.lead.userId), id: f.awardId }))).toBe('FORBIDDEN');
    await startAward({ services: services(), actor: await as(f.owner.userId), id: f.awardId });
    expect((await awardRow(f.awardId)).agreementStartedAt).not.toBeNull();
    expect(await challengeStatus(f.challengeId)).toBe('in_milestones');
    expect((await needStatus(f.needId!)).status).toBe('in_delivery');
    expect(await audit(f.awardId)).toEqual(['award.start']);
    expect(await codeOf(startAward({ services: services(), actor: operator, id: f.awardId }))).toBe('ILLEGAL_TRANSITION');
  });

  it('delivers only in order, only by the lead, with a valid note and links; nothing changes otherwise', async () => {
    const f = await makeAward(ctx.services, { started: true, challengeStatus: 'in_milestones' });
    const second = f.milestones[1]!;
    const lead = await as(f.lead.userId);
    const bad = { note: '交付', links: [{ title: '报告', url: 'ftp://x' }] };
    expect(
      await codeOf(deliverMilestone({ services: services(), actor: lead, awardId: f.awardId, milestoneId: second.id, input: bad })),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        deliverMilestone({
          services: services(),
          actor: lead,
          awardId: f.awardId,
          milestoneId: second.id,
          input: { note: '第二阶段交付' },
        }),
      ),
    ).toBe('MILESTONE_OUT_OF_ORDER');
    expect(
      await codeOf(
        deliverMilestone({
          services: services(),
          actor: await as(f.owner.userId),
          awardId: f.awardId,
          milestoneId: f.milestones[0]!.id,
          input: { note: '代为交付' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect((await milestoneRow(second.id)).status).toBe('pending');
    await deliver(f, 1);
    const m = await milestoneRow(f.milestones[0]!.id);
    expect([m.status, m.round, m.deliveryFiles]).toEqual(['submitted', 1, [{ title: '测试报告', url: 'https://example.cn/report.pdf' }]]);
    expect(await notified(f.owner.userId, 'award.delivered')).toHaveLength(1);
    expect(await notified(operator.userId, 'award.delivered')).toHaveLength(1);
  });
});

describe('acceptance', () => {
  it('refuses an expert of a party or related to one (409 CONFLICT_OF_INTEREST) and a non-reviewer', async () => {
    const f = await makeAward(ctx.services, { started: true, withMember: true });
    await deliver(f, 1);
    const milestoneId = f.milestones[0]!.id;
    const related = await makeExpert(ctx.services);
    await insertRelation(db(), { reviewerUserId: related.id, organizationId: f.member!.organizationId, note: '合作关系' });
    const assign = (userIds: string[]) =>
      assignAcceptors({ services: services(), actor: operator, awardId: f.awardId, milestoneId, input: { userIds } });
    expect(await codeOf(assign([related.id]))).toBe('CONFLICT_OF_INTEREST');
    expect(await codeOf(assign([f.lead.userId]))).toBe('ACCEPTOR_NOT_A_REVIEWER');
    expect(
      await codeOf(
        assignAcceptors({
          services: services(),
          actor: await as(f.owner.userId),
          awardId: f.awardId,
          milestoneId,
          input: { userIds: [related.id] },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await db().select().from(schema.milestoneAcceptors).where(eq(schema.milestoneAcceptors.milestoneId, milestoneId))).toEqual([]);
  });

  it('concludes when the owner and every expert have recorded; a fail is delivered again in the next round', async () => {
    const f = await makeAward(ctx.services, { started: true });
    const expert = await accept(f, 1, ['fail', 'fail']);
    const m = await milestoneRow(f.milestones[0]!.id);
    expect([m.status, m.statusReason, Number(m.meanScore)]).toEqual(['failed', '补充现场测试报告；识别率未达标', 40]);
    expect(await audit(m.id)).toContain('milestone.fail');
    expect(await notified(f.lead.userId, 'award.milestone_concluded')).toHaveLength(1);
    const tasks = await listMyAcceptanceTasks({ services: services(), actor: await as(expert.id) });
    expect(tasks.items.map((t) => [t.milestoneStatus, t.open])).toEqual([['failed', false]]);
    await accept(f, 1, ['pass', 'pass_with_conditions']);
    const again = await milestoneRow(f.milestones[0]!.id);
    expect([again.status, again.round, again.conditions]).toEqual(['passed_with_conditions', 2, '识别率未达标']);
  });

  it('records one owner opinion per round and each expert once; opinion required unless pass', async () => {
    const f = await makeAward(ctx.services, { started: true });
    await deliver(f, 1);
    const milestoneId = f.milestones[0]!.id;
    const [e1, e2] = [await makeExpert(ctx.services), await makeExpert(ctx.services)];
    await assignAcceptors({ services: services(), actor: operator, awardId: f.awardId, milestoneId, input: { userIds: [e1.id, e2.id] } });
    const record = async (userId: string, input: unknown) =>
      codeOf(recordAcceptance({ services: services(), actor: await as(userId), awardId: f.awardId, milestoneId, input }));
    expect(await record(f.owner.userId, { verdict: 'fail', score: 30 })).toBe('VALIDATION_FAILED');
    expect(await record(f.owner.userId, { verdict: 'pass', score: 90 })).toBe('ok');
    expect(await record(f.owner.userId, { verdict: 'pass', score: 90 })).toBe('ACCEPTANCE_ALREADY_RECORDED');
    expect(await record(f.lead.userId, { verdict: 'pass', score: 90 })).toBe('FORBIDDEN');
    expect(await record(e1.id, { verdict: 'pass', score: 80 })).toBe('ok');
    expect((await milestoneRow(milestoneId)).status).toBe('submitted');
    expect(await record(e2.id, { verdict: 'pass', score: 70 })).toBe('ok');
    const m = await milestoneRow(milestoneId);
    expect([m.status, Number(m.meanScore)]).toEqual(['passed', 80]);
  });

  it('the last milestone passed completes the award, accepts the need with the report and completes the challenge', async () => {
    const f = await makeAward(ctx.services, { withNeed: true });
    await startAward({ services: services(), actor: operator, id: f.awardId });
    await accept(f, 1);
    expect((await awardRow(f.awardId)).status).toBe('active');
    await accept(f, 2, ['pass_with_conditions', 'pass']);
    const a = await awardRow(f.awardId);
    expect(a.status).toBe('completed');
    expect(a.acceptanceReport).toContain('里程碑2：有条件通过');
    const need = await needStatus(f.needId!);
    expect([need.status, need.statusReason]).toEqual(['accepted', a.acceptanceReport]);
    expect(await challengeStatus(f.challengeId)).toBe('completed');
    expect(await audit(f.awardId)).toEqual(['award.start', 'award.complete']);
  });
});

describe('payments', () => {
  it('pays a passed milestone up to its unpaid amount, idempotently by request key', async () => {
    const f = await makeAward(ctx.services, { started: true, amountFen: 1_000_000 });
    const pay = (milestoneId: string, amountFen: number, requestKey: string, actor = operator) =>
      recordPayment({
        services: services(),
        actor,
        awardId: f.awardId,
        input: { milestoneId, amountFen, paidOn: '2026-12-01', reference: 'PZ-001', requestKey },
      });
    const [m1, m2] = f.milestones.map((m) => m.id) as [string, string];
    expect(await codeOf(pay(m1, 100, 'key-pending-1'))).toBe('MILESTONE_NOT_PASSED');
    await accept(f, 1);
    expect(await codeOf(pay(m1, 100, 'key-by-owner', await as(f.owner.userId)))).toBe('FORBIDDEN');
    const first = await pay(m1, 200_000, 'key-first-01');
    const retry = await pay(m1, 200_000, 'key-first-01');
    expect([first.created, retry.created, retry.payment.id]).toEqual([true, false, first.payment.id]);
    expect(await codeOf(pay(m1, 100_001, 'key-too-much'))).toBe('PAYMENT_EXCEEDS_MILESTONE');
    expect(await codeOf(pay(m2, 1, 'key-m2-early'))).toBe('MILESTONE_NOT_PASSED');
    expect((await awardRow(f.awardId)).paidFen).toBe(200_000);
    expect(await codeOf(pay(m1, 0, 'key-zero-000'))).toBe('VALIDATION_FAILED');
  });

  it('never lets concurrent payments take paid_fen over the award; the ledger adds up to it', async () => {
    const f = await makeAward(ctx.services, { started: true, amountFen: 1_000_000, percents: [100] });
    await accept(f, 1);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        recordPayment({
          services: services(),
          actor: operator,
          awardId: f.awardId,
          input: {
            milestoneId: f.milestones[0]!.id,
            amountFen: 70_000,
            paidOn: '2026-12-01',
            reference: `PZ-${i}`,
            requestKey: `concurrent-${i}`,
          },
        }),
      ),
    );
    const paid = (await awardRow(f.awardId)).paidFen;
    const [ledger] = await db()
      .select({ n: sql<string>`coalesce(sum(${schema.awardPayments.amountFen}), 0)` })
      .from(schema.awardPayments)
      .where(eq(schema.awardPayments.awardId, f.awardId));
    expect(paid).toBeLessThanOrEqual(1_000_000);
    expect(Number(ledger!.n)).toBe(paid);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(14);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(['PAYMENT_EXCEEDS_MILESTONE', 'PAYMENT_EXCEEDS_AWARD']).toContain(r.reason.code);
  });

  it('the database itself refuses a raw insert that would overpay, and maps to PAYMENT_EXCEEDS_AWARD', async () => {
    const f = await makeAward(ctx.services, { amountFen: 500 });
    const insert = () =>
      db()
        .insert(schema.awardPayments)
        .values({
          awardId: f.awardId,
          milestoneId: f.milestones[0]!.id,
          amountFen: 501,
          paidOn: '2026-12-01',
          reference: 'raw',
          requestKey: `raw-${Math.random()}`,
          recordedBy: operator.userId,
        });
    const err = await insert().catch((e: unknown) => e);
    const { translateOverpayment } = await import('./record-payment.js');
    expect((translateOverpayment(err) as DomainError).code).toBe('PAYMENT_EXCEEDS_AWARD');
    expect((await awardRow(f.awardId)).paidFen).toBe(0);
    // The ledger is append-only: an edit is refused too.
    await expect(db().update(schema.awardPayments).set({ amountFen: 1 })).rejects.toThrow();
  });
});

describe('赛马 elimination and termination', () => {
  it('eliminates a horse-race team after its checkpoint was concluded, with a reason; refused in single mode', async () => {
    const f = await makeAward(ctx.services, { started: true, horseRace: true, challengeStatus: 'in_milestones' });
    const g = await makeAward(ctx.services, { started: true, horseRace: true, sameChallengeAs: f });
    const eliminate = (id: string, reason = '检查点指标未达到要求') =>
      eliminateAward({ services: services(), actor: operator, id, input: { reason } });
    expect(await codeOf(eliminate(f.awardId))).toBe('CHECKPOINT_NOT_CONCLUDED');
    await accept(f, 1, ['fail', 'fail']);
    expect(await codeOf(eliminate(f.awardId, ''))).toBe('VALIDATION_FAILED');
    await eliminate(f.awardId);
    expect([(await awardRow(f.awardId)).status, (await awardRow(f.awardId)).statusReason]).toEqual(['eliminated', '检查点指标未达到要求']);
    expect((await notified(f.lead.userId, 'award.eliminated'))[0]!.body).toContain('检查点指标未达到要求');
    expect(await challengeStatus(f.challengeId)).toBe('in_milestones');
    expect((await awardRow(g.awardId)).status).toBe('active');
    const single = await makeAward(ctx.services, { started: true });
    await accept(single, 1);
    expect(await codeOf(eliminate(single.awardId))).toBe('NOT_HORSE_RACE');
  });

  it('terminating the challenge terminates its active awards with the reason; payments stay', async () => {
    const f = await makeAward(ctx.services, { started: true, challengeStatus: 'in_milestones' });
    await accept(f, 1);
    await recordPayment({
      services: services(),
      actor: operator,
      awardId: f.awardId,
      input: { milestoneId: f.milestones[0]!.id, amountFen: 1_000, paidOn: '2026-12-01', reference: 'PZ-T', requestKey: 'terminate-pay' },
    });
    await transitionChallenge({
      services: services(),
      actor: operator,
      id: f.challengeId,
      action: 'terminate',
      reason: '发榜单位需求取消',
    });
    const a = await awardRow(f.awardId);
    expect([a.status, a.statusReason, a.paidFen]).toEqual(['terminated', '发榜单位需求取消', 1_000]);
    expect(await db().select().from(schema.awardPayments).where(eq(schema.awardPayments.awardId, f.awardId))).toHaveLength(1);
    expect(await audit(f.awardId)).toContain('award.terminate');
  });
});
