/**
 * 新政策匹配提醒: when a policy is published, its measures with conditions are judged against the
 * organisation of every active `policy_match` subscription, exactly as "measures for me" judges
 * them (same live measures, same profile, same evaluation). A subscription whose organisation
 * meets one of them (or, when it asked, may meet one once its profile is filled in) gets one
 * `policy.match` notification linking to 可能适用于我的措施; the subscription digest then mails
 * it. The key is subscription + policy, so judging the same policy again notifies nobody twice.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import {
  listActiveSubscriptions,
  loadRunProfileSources,
  notifyUsers,
  POLICY_MATCH_NOTIFICATION,
  type NotifyItem,
  type SubscriptionRow,
  type Transaction,
} from '@scenebridge/db';
import { shanghaiDate } from '@scenebridge/domain';
import type { ConditionOutcome, ConditionsResult, PolicyProfile } from '@scenebridge/domain/policies';
import type { Subscriber } from '../shared/index.js';
import { liveMeasures, type LiveMeasure } from './for-me-cache.js';
import { judgeMeasures } from './for-me.js';
import { toPolicyProfile } from './profile-load.js';

export const POLICY_MATCH_SUBSCRIPTION_KIND = 'policy_match';
const SHOWN_MEASURES = 5;
const OUTCOME_WORDS: Partial<Record<ConditionOutcome, string>> = { met: '符合条件', unknown: '需补充信息' };

/** What the notification keeps of each measure; the digest lists them from here. */
export interface PolicyMatchMeasure {
  id: string;
  path: string;
  heading: string | null;
  outcome: ConditionOutcome;
}
export interface PolicyMatchData {
  subscriptionId: string;
  policyId: string;
  policyTitle: string;
  measures: PolicyMatchMeasure[];
}

const measureName = (m: Pick<PolicyMatchMeasure, 'path' | 'heading'>) => m.heading ?? `第${m.path}项措施`;

function matchNote(sub: SubscriptionRow, policy: LiveMeasure['policy'], measures: PolicyMatchMeasure[]): NotifyItem {
  const lines = measures.slice(0, SHOWN_MEASURES).map((m) => `· ${measureName(m)}（${OUTCOME_WORDS[m.outcome]}）`);
  if (measures.length > SHOWN_MEASURES) lines.push(`等${measures.length}项`);
  return {
    userId: sub.userId,
    kind: POLICY_MATCH_NOTIFICATION,
    title: `新发布的政策「${policy.title}」有${measures.length}项措施可能适用于您的单位`,
    body: lines.join('\n'),
    link: '/policies/for-me',
    data: { subscriptionId: sub.id, policyId: policy.id, policyTitle: policy.title, measures } satisfies PolicyMatchData,
    dedupeKey: `${POLICY_MATCH_NOTIFICATION}:${sub.id}:${policy.id}`,
    email: emailByDefault(POLICY_MATCH_NOTIFICATION),
  };
}

const wantedOutcomes = (sub: SubscriptionRow): ConditionOutcome[] =>
  (sub.query as { includeUnknown?: boolean }).includeUnknown ? ['met', 'unknown'] : ['met'];

/**
 * Judges one published policy for every policy_match subscriber; answers how many notifications it
 * asked for (one already sent for the same subscription and policy is dropped by its key).
 * Organisations no longer approved (and the platform's own) have no profile here and get nothing.
 */
export async function notifyPolicyMatches(tx: Transaction, policyId: string, now: Date): Promise<number> {
  const subs = (await listActiveSubscriptions(tx)).filter((s) => s.kind === POLICY_MATCH_SUBSCRIPTION_KIND);
  if (subs.length === 0) return 0;
  const measures = (await liveMeasures(tx, shanghaiDate(now))).filter((m) => m.policy.id === policyId);
  if (measures.length === 0) return 0;
  const orgs = new Set(subs.map((s) => s.organizationId));
  const profiles = new Map<string, PolicyProfile>();
  for (const s of await loadRunProfileSources(tx)) if (orgs.has(s.organization.id)) profiles.set(s.organization.id, toPolicyProfile(s));
  const judged = new Map<string, ConditionsResult[]>();
  const notes: NotifyItem[] = [];
  for (const sub of subs) {
    const profile = profiles.get(sub.organizationId);
    if (!profile) continue;
    let results = judged.get(sub.organizationId);
    if (!results) judged.set(sub.organizationId, (results = judgeMeasures(measures, profile, now)));
    const wanted = wantedOutcomes(sub);
    const hits = measures.flatMap((m, i) =>
      wanted.includes(results[i]!.outcome) ? [{ id: m.id, path: m.path, heading: m.heading, outcome: results[i]!.outcome }] : [],
    );
    if (hits.length) notes.push(matchNote(sub, measures[0]!.policy, hits));
  }
  await notifyUsers(tx, notes);
  return notes.length;
}

/** Runs in the publishing transaction: the notifications commit with the publication or not at all. */
export const policyMatchNotifications: Subscriber = async (events, { tx, services }) => {
  for (const e of events) if (e.action === 'policy.publish') await notifyPolicyMatches(tx, e.entityId, e.at ?? services.now());
};
