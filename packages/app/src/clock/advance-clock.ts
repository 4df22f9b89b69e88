import { DomainError, forbidden } from '@scenebridge/domain';
import { z } from 'zod';
import { isOperator, type Actor, type Services } from '../context.js';
import { inTransaction } from '../shared/index.js';

export const advanceClockInput = z.strictObject({
  hours: z
    .number({ message: '请填写前进的小时数' })
    .int('小时数须为整数')
    .min(1, '至少前进1小时')
    .max(24 * 60, '一次最多前进60天'),
});

/**
 * The operator moves a time-travel clock forward (development and browser journeys only; the
 * route does not exist otherwise). Audited like any other act, so a trail made on such a
 * server says plainly that its time was moved.
 */
export async function advanceClock({ services, actor, input }: { services: Services; actor: Actor | null; input: unknown }) {
  if (!services.clock) throw new DomainError('NOT_FOUND', '未启用时钟调整', 404);
  if (!isOperator(actor)) throw forbidden('只有运营方可以调整时钟');
  const parsed = advanceClockInput.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      'VALIDATION_FAILED',
      parsed.error.issues[0]!.message,
      400,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const before = services.now();
  const after = services.clock.advance(parsed.data.hours * 3600_000);
  await inTransaction(services, actor, async (_tx, events) => {
    await events.record({
      action: 'clock.advanced',
      entityType: 'clock',
      entityId: '00000000-0000-0000-0000-000000000000',
      data: { from: before.toISOString(), to: after.toISOString(), hours: parsed.data.hours },
      at: after,
    });
  });
  return { now: after.toISOString() };
}
