import { findMilestone, findPaymentByKey, insertPayment, paidOfMilestone, type AwardPaymentRow } from '@scenebridge/db';
import { DomainError, isMilestonePassed, notFound, recordPaymentSchema } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { loadAward } from './access.js';
import { awardPolicy } from './policy.js';

/**
 * 登记付款: the operator records a payment against a passed milestone, at most what is unpaid of
 * it (checked under the milestone's lock). The database keeps the award's paid_fen and refuses
 * overpaying it whatever the concurrency (migration 0021); that refusal reads as 409
 * PAYMENT_EXCEEDS_AWARD. The client's request key makes a retry answer the payment already made.
 */
export async function recordPayment({
  services,
  actor,
  awardId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  awardId: string;
  input: unknown;
}): Promise<{ payment: AwardPaymentRow; created: boolean }> {
  const a = requireActor(actor);
  const body = recordPaymentSchema.parse(input);
  try {
    return await inTransaction(services, a, async (tx, events) => {
      const { award, access } = await loadAward(tx, a, awardId);
      awardPolicy.authorize(a, 'pay', access);
      const earlier = await findPaymentByKey(tx, award.id, body.requestKey);
      if (earlier) return { payment: earlier, created: false };
      const m = await findMilestone(tx, body.milestoneId, { forUpdate: true });
      if (!m || m.awardId !== award.id) throw notFound('里程碑');
      if (!isMilestonePassed(m.status)) throw new DomainError('MILESTONE_NOT_PASSED', '只能对已通过验收的里程碑付款', 409);
      const unpaid = m.amountFen - (await paidOfMilestone(tx, m.id));
      if (body.amountFen > unpaid)
        throw new DomainError('PAYMENT_EXCEEDS_MILESTONE', '付款金额超过该里程碑未付金额', 409, { unpaidFen: unpaid });
      const payment = await insertPayment(tx, { ...body, awardId: award.id, recordedBy: a.userId });
      // The same key raced in by a concurrent request: that one's payment is the answer.
      if (!payment) return { payment: (await findPaymentByKey(tx, award.id, body.requestKey))!, created: false };
      await events.record({
        action: 'award.payment_recorded',
        entityType: 'award',
        entityId: award.id,
        data: {
          paymentId: payment.id,
          milestoneId: m.id,
          amountFen: payment.amountFen,
          paidOn: payment.paidOn,
          reference: payment.reference,
        },
      });
      return { payment, created: true };
    });
  } catch (e) {
    throw translateOverpayment(e);
  }
}

/** The award's CHECK (SQLSTATE 23514 on challenge_awards_paid_within_amount) as a clear 409. */
export function translateOverpayment(e: unknown): unknown {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = err.code ?? err.cause?.code;
  const constraint = err.constraint ?? err.cause?.constraint ?? '';
  if (code === '23514' && constraint === 'challenge_awards_paid_within_amount')
    return new DomainError('PAYMENT_EXCEEDS_AWARD', '付款合计将超过中榜金额，已拒绝', 409);
  return e;
}
