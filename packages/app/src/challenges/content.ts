import { findSubmission, type Executor, type NewChallenge } from '@scenebridge/db';
import { DomainError, type ChallengeInput } from '@scenebridge/domain';

/** Needs a challenge may be drafted from: published, or already in matching. */
const SOURCE_NEED_STATES = ['published', 'matching'];

/** The source need must be a published scenario need of the posting organisation. */
export async function checkSourceNeed(db: Executor, organizationId: string, sourceNeedId: string | null): Promise<void> {
  if (!sourceNeedId) return;
  const row = await findSubmission(db, sourceNeedId);
  const s = row?.submission;
  if (!s || s.organizationId !== organizationId || s.listType !== 'scenario_need' || !SOURCE_NEED_STATES.includes(s.status)) {
    throw new DomainError('SOURCE_NEED_INVALID', '来源需求须为本单位已发布的场景需求', 400, [
      { path: 'sourceNeedId', message: '来源需求须为本单位已发布的场景需求' },
    ]);
  }
}

/** The stored columns of a validated challenge. */
export function challengeColumns(input: ChallengeInput): Omit<NewChallenge, 'organizationId' | 'status'> {
  return {
    title: input.title,
    problem: input.problem,
    sourceNeedId: input.sourceNeedId,
    indicators: input.indicators,
    rewardFen: input.rewardFen,
    milestones: input.milestones,
    deliveryPeriod: input.deliveryPeriod,
    mode: input.mode.kind,
    maxTeams: input.mode.kind === 'horse_race' ? input.mode.maxTeams : null,
    applicationDeadline: new Date(input.applicationDeadline),
    reviewScheme: input.reviewScheme,
    eligibility: input.eligibility,
  };
}

/** The fields whose stored value the new input changes (for the change summary told to applicants). */
export function changedFields(before: Record<string, unknown>, input: ChallengeInput): string[] {
  const now = challengeColumns(input) as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
  const out: string[] = [];
  for (const key of Object.keys(input) as (keyof ChallengeInput)[]) {
    if (key === 'mode') {
      if (before.mode !== now.mode || (before.maxTeams ?? null) !== (now.maxTeams ?? null)) out.push('mode');
    } else if (key === 'applicationDeadline') {
      if ((before.applicationDeadline as Date).getTime() !== (now.applicationDeadline as Date).getTime()) out.push(key);
    } else if (!same(before[key], now[key])) out.push(key);
  }
  return out;
}

/** jsonb gives keys back in its own order: compare with sorted keys. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalise((v as Record<string, unknown>)[k])]),
    );
  }
  return v ?? null;
}
