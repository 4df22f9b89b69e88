/**
 * 政策匹配 "可能适用于我的措施": every live measure with conditions judged against the caller's
 * organisation, with a reason per condition and the profile fields that would settle the unknown
 * ones. Met first, then unknown (then not met when asked), each in the library's order.
 */
import type { MeasuresForMe } from '@scenebridge/contract/policies';
import { forbidden, shanghaiDate } from '@scenebridge/domain';
import {
  combineOutcomes,
  evaluateConditions,
  POLICY_PROFILE_FIELD_LABELS,
  type ConditionCheck,
  type ConditionOutcome,
  type ConditionsResult,
  type PolicyProfile,
} from '@scenebridge/domain/policies';
import { z } from 'zod';
import { isOrgUser, type Actor, type Services } from '../context.js';
import { liveMeasures, type LiveMeasure } from './for-me-cache.js';
import { isProfileComplete, profileSourceOf, toPolicyProfile } from './profile-load.js';

export const measuresForMeQuery = z.object({
  outcome: z.enum(['met', 'unknown', 'not_met', 'all'], { message: '筛选条件不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MeasuresForMeQuery = z.infer<typeof measuresForMeQuery>;

const RANK: Record<ConditionOutcome, number> = { met: 0, unknown: 1, not_met: 2 };

function wanted(q: MeasuresForMeQuery['outcome']): ConditionOutcome[] {
  if (q === 'all') return ['met', 'unknown', 'not_met'];
  return q ? [q] : ['met', 'unknown'];
}

/**
 * evaluateConditions over every measure, judging each distinct condition once: a measure's checks
 * are one per condition and its outcome their combination, so this is the same answer.
 */
export function judgeMeasures(
  measures: readonly Pick<LiveMeasure, 'conditions' | 'conditionKeys'>[],
  profile: PolicyProfile,
  now: Date,
): ConditionsResult[] {
  const seen = new Map<string, ConditionCheck>();
  const check = (m: (typeof measures)[number], i: number) => {
    const key = m.conditionKeys[i]!;
    let c = seen.get(key);
    if (!c) seen.set(key, (c = evaluateConditions([m.conditions[i]!], profile, now).checks[0]!));
    return c;
  };
  return measures.map((m) => {
    const checks = m.conditions.map((_, i) => check(m, i));
    return { outcome: combineOutcomes(checks.map((c) => c.outcome)), checks };
  });
}

export async function measuresForMe({
  services,
  actor,
  query,
}: {
  services: Services;
  actor: Actor;
  query: MeasuresForMeQuery;
}): Promise<MeasuresForMe> {
  if (!isOrgUser(actor)) throw forbidden('只有机构用户可以查看适用的政策措施');
  const now = services.now();
  const [source, measures] = await Promise.all([
    profileSourceOf(services.db, actor.organizationId),
    liveMeasures(services.db, shanghaiDate(now)),
  ]);
  const profile = toPolicyProfile(source);
  const outcomes = wanted(query.outcome);
  const results = judgeMeasures(measures, profile, now);
  const judged = measures
    .map((m, i) => ({ m, r: results[i]! }))
    .filter(({ r }) => outcomes.includes(r.outcome))
    .sort((a, b) => RANK[a.r.outcome] - RANK[b.r.outcome]);
  const page = judged.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    items: page.map(({ m, r }) => ({
      measure: { id: m.id, path: m.path, heading: m.heading, marker: m.marker, supportType: m.supportType },
      policy: m.policy,
      outcome: r.outcome,
      checks: r.checks,
      missingFields: [...new Set(r.checks.flatMap((c) => (c.missingField ? [POLICY_PROFILE_FIELD_LABELS[c.missingField]] : [])))],
      deadlineOn: m.deadlineOn,
      hasCalculator: m.hasCalculator,
    })),
    total: judged.length,
    page: query.page,
    pageSize: query.pageSize,
    profileComplete: isProfileComplete(source),
  };
}
