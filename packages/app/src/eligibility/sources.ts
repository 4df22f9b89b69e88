/**
 * Where screening reads what other features own: an organisation's past awards and its open
 * applications. Injectable (`evaluateEligibility({ sources })`) so the features that own them
 * can plug in and tests can set them.
 *
 * - Past awards: the `programme_awards` table (packages/db/src/eligibility/schema.ts), awards not
 *   revoked. The award step of challenges writes it when an award becomes final; challenges do
 *   not award yet (a later increment), so the table is empty today and the rule "not a winner
 *   in the last N years" passes every organisation until then.
 * - Open applications: the applications feature's count (packages/db/src/applications): the
 *   organisation's submitted (or shortlisted) applications as lead to challenges still open.
 *   `openApplicationsTracked` is true; an injected source may set it false to mark its count
 *   as not real.
 */
import { countOpenApplications, listProgrammeAwardsSince, type Executor } from '@scenebridge/db';
import type { PastAward } from '@scenebridge/domain';

/** The programme whose awards the "not a winner" rule reads: 揭榜挂帅 challenges. */
export const CHALLENGE_PROGRAMME = 'challenges';

export interface EligibilitySources {
  /** The organisation's awards in the programme at or after `since`, revoked ones left out. */
  pastAwards(db: Executor, organizationId: string, programme: string, since: Date): Promise<PastAward[]>;
  /** The organisation's applications now open across challenges. */
  openApplications(db: Executor, organizationId: string): Promise<number>;
  /** False when the count is not real (then the check's reason says so). */
  readonly openApplicationsTracked: boolean;
}

export const defaultEligibilitySources: EligibilitySources = {
  async pastAwards(db, organizationId, programme, since) {
    const rows = await listProgrammeAwardsSince(db, organizationId, programme, since);
    return rows.map((r) => ({ ref: r.sourceRef, at: r.awardedAt }));
  },
  async openApplications(db, organizationId) {
    return countOpenApplications(db, organizationId);
  },
  openApplicationsTracked: true,
};
