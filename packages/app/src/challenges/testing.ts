/** Test helpers of challenges: a valid input and a challenge put straight into a state. */
import { findChallenge, insertChallenge, type Database } from '@scenebridge/db';
import { challengeInputSchema, type ChallengeInputRaw } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { challengeColumns } from './content.js';

/** A complete challenge, its deadline 14 days after `now`. */
export function challengeInput(overrides: Partial<ChallengeInputRaw> = {}, now = new Date()): ChallengeInputRaw {
  return {
    title: '热轧钢板表面缺陷智能检测',
    problem: '热轧钢板表面缺陷依赖人工目检，漏检率高，需要在线实时检测并分类二十种常见缺陷。',
    indicators: [{ name: '缺陷检出率', target: '≥98', unit: '%', method: '在产线连续运行30天，与人工复检结果对比' }],
    rewardFen: 500_000_000,
    milestones: [
      { name: '方案设计与样机', percent: 30, deliverables: '技术方案、样机与实验室验证报告' },
      { name: '产线部署验收', percent: 70, deliverables: '系统在产线上线并通过验收' },
    ],
    deliveryPeriod: { kind: 'months', months: 12 },
    mode: { kind: 'single' },
    applicationDeadline: new Date(now.getTime() + 14 * 86400_000).toISOString(),
    ...overrides,
  };
}

/** A challenge of `organizationId` in `status`, written directly (for tests of what follows). */
export async function makeChallenge(
  services: Services | { db: Database; now: () => Date },
  organizationId: string,
  opts: { status?: string; input?: Partial<ChallengeInputRaw> } = {},
) {
  const now = services.now();
  const status = opts.status ?? 'draft';
  const input = challengeInputSchema.parse(challengeInput(opts.input, now));
  const row = await insertChallenge(services.db, {
    ...challengeColumns(input),
    organizationId,
    status,
    submittedAt: status === 'draft' ? null : now,
    firstOpenedAt: ['draft', 'pending_review'].includes(status) ? null : now,
  });
  return (await findChallenge(services.db, row.id))!;
}
