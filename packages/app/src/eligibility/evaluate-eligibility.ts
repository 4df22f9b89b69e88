import {
  findEligibilityOverride,
  findOrganization,
  findOrganizationDishonestyFlag,
  findUser,
  listOrganizationQualifications,
  type Executor,
} from '@scenebridge/db';
import {
  checkEligibility,
  notFound,
  yearsBefore,
  type EligibilityRules,
  type OrganizationKind,
  type QualificationCode,
} from '@scenebridge/domain';
import type { Services } from '../context.js';
import { CHALLENGE_PROGRAMME, defaultEligibilitySources, type EligibilitySources } from './sources.js';

/**
 * Screens one organisation against a challenge's rules as of `asOf`, reading its profile
 * (kind, region, qualifications, 失信 flag), its past awards and open applications (./sources.ts).
 * With `challengeRef`, an operator's override for that challenge turns a refusal into eligible;
 * the checks still show what failed, and the override says why it was allowed. No authorization:
 * callers decide who may see the answer (check-eligibility.ts).
 */
export async function evaluateEligibility({
  services,
  db = services.db,
  organizationId,
  rules,
  asOf = services.now(),
  challengeRef,
  sources = defaultEligibilitySources,
}: {
  services: Services;
  /** A transaction to read in, when the caller holds one. */
  db?: Executor;
  organizationId: string;
  rules: EligibilityRules;
  asOf?: Date;
  challengeRef?: string;
  sources?: EligibilitySources;
}) {
  const org = await findOrganization(db, organizationId);
  if (!org) throw notFound('机构');
  // One read after another: `db` may be a transaction (an application's submit), and a
  // transaction's connection runs one query at a time.
  const qualifications = await listOrganizationQualifications(db, organizationId);
  const flag = await findOrganizationDishonestyFlag(db, organizationId);
  const pastAwards =
    rules.notWinnerWithinYears === undefined
      ? []
      : await sources.pastAwards(db, organizationId, CHALLENGE_PROGRAMME, yearsBefore(asOf, rules.notWinnerWithinYears));
  const openApplications = rules.maxOpenApplicationsPerOrganization === undefined ? 0 : await sources.openApplications(db, organizationId);
  const override = challengeRef ? await findEligibilityOverride(db, organizationId, challengeRef) : undefined;
  const result = checkEligibility(
    rules,
    {
      kind: org.kind as OrganizationKind,
      regionCode: org.regionCode,
      qualifications: qualifications.map((q) => ({
        code: q.code as QualificationCode,
        certificateNo: q.certificateNo,
        validUntil: q.validUntil,
      })),
      dishonest: flag?.flagged ?? false,
    },
    { asOf, pastAwards, openApplications },
  );
  const checks = result.checks.map((c) =>
    c.rule === 'maxOpenApplicationsPerOrganization' && !sources.openApplicationsTracked
      ? { ...c, reason: `${c.reason}（揭榜申报功能尚未上线，在审申报暂计为0项）` }
      : c,
  );
  const by = override?.createdBy ? await findUser(db, override.createdBy) : undefined;
  return {
    organizationId: org.id,
    organizationName: org.name,
    asOf,
    /** What the rules alone decide. */
    screenedEligible: result.eligible,
    /** The answer: the rules, or an operator's override of a refusal. */
    eligible: result.eligible || !!override,
    checks,
    override: override
      ? {
          id: override.id,
          challengeRef: override.challengeRef,
          reason: override.reason,
          by: by?.displayName ?? null,
          at: override.createdAt,
        }
      : null,
  };
}
export type EligibilityEvaluation = Awaited<ReturnType<typeof evaluateEligibility>>;
