/**
 * 揭榜结果 for everyone (no login): challenges whose award is decided — awarded and in delivery —
 * and the completed ones, each with its winners (lead, consortium members, amount, 任务书 number,
 * status). Never a challenge still in review or 公示, never a milestone. The same rows feed the
 * portal page, the public JSON, the XLSX, the DOCX and the Atom feed.
 */
import { AWARD_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import { formatReward } from '@scenebridge/contract/challenges/labels';
import { listAwardsOfChallenges, listChallengesInStates, type ChallengeWithOrg } from '@scenebridge/db';
import { formatShanghai, type ChallengeState } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { publicListExport, publicListToAtom, publicListToDocx, type PublicList } from '../publication/index.js';
import type { PreparedExport } from '../shared/index.js';
import { membersByApplication, presentWinner } from './award-results.js';

const AWARDED = ['awarded', 'in_milestones'] as const;
const COMPLETED = ['completed'] as const;
export const CHALLENGE_RESULTS_PATH = '/public/challenge-results';
export const CHALLENGE_RESULTS_TITLE = '揭榜挂帅 · 揭榜结果';

export async function publicChallengeResults({ services }: { services: Services }) {
  const challenges = await listChallengesInStates(services.db, [...AWARDED, ...COMPLETED]);
  const awards = await listAwardsOfChallenges(
    services.db,
    challenges.map((c) => c.id),
  );
  const members = await membersByApplication(
    services.db,
    awards.map((a) => a.applicationId),
  );
  const present = (c: ChallengeWithOrg) => ({
    id: c.id,
    title: c.title,
    organizationName: c.organizationName,
    rewardFen: c.rewardFen,
    status: c.status as ChallengeState,
    mode: c.mode as 'single' | 'horse_race',
    updatedAt: c.updatedAt.toISOString(),
    winners: awards
      .filter((a) => a.challengeId === c.id)
      .map((a) => {
        const {
          milestones: _m,
          applicationId: _a,
          ...w
        } = presentWinner(
          a,
          (members.get(a.applicationId) ?? []).map((m) => m.name),
          null,
        );
        return w;
      }),
  });
  return {
    awarded: challenges.filter((c) => (AWARDED as readonly string[]).includes(c.status)).map(present),
    completed: challenges.filter((c) => c.status === 'completed').map(present),
  };
}
export type PublicChallengeResults = Awaited<ReturnType<typeof publicChallengeResults>>;
export type PublicChallengeResult = PublicChallengeResults['awarded'][number];

const winnerName = (w: PublicChallengeResult['winners'][number]) =>
  w.memberNames.length ? `${w.organizationName}（牵头），联合体成员：${w.memberNames.join('、')}` : w.organizationName;

/** The results as a public list (one row per winner) for the documents. */
export async function challengeResultsList(services: Services): Promise<PublicList> {
  const r = await publicChallengeResults({ services });
  const all = [...r.awarded, ...r.completed];
  return {
    title: CHALLENGE_RESULTS_TITLE,
    listPath: CHALLENGE_RESULTS_PATH,
    columns: ['榜单名称', '发榜单位', '榜单状态', '中榜单位', '中榜金额', '任务书编号', '任务书状态', '中榜时间（北京时间）'],
    rows: all.flatMap((c) =>
      c.winners.map((w) => ({
        heading: `${c.title} · ${w.organizationName}`,
        values: [
          c.title,
          c.organizationName,
          c.status === 'completed' ? '已完成' : '已中榜',
          winnerName(w),
          formatReward(w.amountFen),
          w.agreementNo,
          AWARD_STATE_LABELS[w.status] ?? w.status,
          formatShanghai(new Date(w.awardedAt)),
        ],
      })),
    ),
    feed: all.map((c) => ({
      id: c.id,
      title: `${c.title}：揭榜结果`,
      path: `/public/challenges/${c.id}`,
      author: c.organizationName,
      summary: `中榜单位：${c.winners.map((w) => `${winnerName(w)}（${formatReward(w.amountFen)}）`).join('；')}。`,
      published: new Date(c.winners[0]?.awardedAt ?? c.updatedAt),
      updated: new Date(c.updatedAt),
    })),
    generatedAt: services.now(),
  };
}

export const challengeResultsXlsx = async (services: Services): Promise<PreparedExport> =>
  publicListExport(await challengeResultsList(services));
export const challengeResultsDocx = async (services: Services): Promise<Buffer> => publicListToDocx(await challengeResultsList(services));
export const challengeResultsAtom = async (services: Services, baseUrl: string): Promise<string> =>
  publicListToAtom(await challengeResultsList(services), baseUrl);
