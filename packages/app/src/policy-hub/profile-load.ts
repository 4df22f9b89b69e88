/**
 * An organisation's policy profile (政策画像) as the matching reads it: what the platform holds
 * (kind, region, qualifications, the 失信 flag kept by operators) plus what the organisation
 * filled in. Fields never filled in are left out, so conditions on them are "unknown".
 */
import { loadProfileSources, type Executor, type ProfileSource, type RunProfileSource } from '@scenebridge/db';
import type { PolicyProfileJson } from '@scenebridge/contract/policies';
import { notFound, type OrganizationKind, type SectorCode } from '@scenebridge/domain';
import { POLICY_QUALIFICATION_LABELS, type PolicyProfile, type RevenueBand } from '@scenebridge/domain/policies';

const qualificationLabel = (code: string) => POLICY_QUALIFICATION_LABELS[code as keyof typeof POLICY_QUALIFICATION_LABELS] ?? code;

/** The evaluator's view of one organisation. */
export function toPolicyProfile(s: ProfileSource | RunProfileSource): PolicyProfile {
  const p = s.profile;
  const out: PolicyProfile = {
    kind: s.organization.kind as OrganizationKind,
    regionCode: s.organization.regionCode,
    qualifications: s.qualifications.map((q) => ({ code: q.code, validUntil: q.validUntil })),
  };
  if (p?.employees !== null && p?.employees !== undefined) out.employees = p.employees;
  if (p?.revenueBand) out.revenueBand = p.revenueBand as RevenueBand;
  if (p?.rdSharePercent !== null && p?.rdSharePercent !== undefined) out.rdSharePercent = Number(p.rdSharePercent);
  if (p?.sectors?.length) out.sectors = p.sectors as SectorCode[];
  if (p?.foundedOn) {
    out.foundedOn = p.foundedOn;
    out.foundedYear = Number(p.foundedOn.slice(0, 4));
  }
  if (s.dishonest !== null) out.dishonest = s.dishonest;
  return out;
}

/** Every field the organisation itself fills in is there (the 失信 check is the operator's). */
export function isProfileComplete(s: ProfileSource): boolean {
  const p = s.profile;
  return !!p && p.employees !== null && !!p.revenueBand && p.rdSharePercent !== null && !!p.sectors?.length && !!p.foundedOn;
}

export function presentPolicyProfile(s: ProfileSource): PolicyProfileJson {
  const p = s.profile;
  return {
    organizationId: s.organization.id,
    kind: s.organization.kind,
    regionCode: s.organization.regionCode,
    qualifications: s.qualifications.map((q) => ({ ...q, label: qualificationLabel(q.code) })),
    dishonest: s.dishonest,
    employees: p?.employees ?? null,
    revenueBand: p?.revenueBand ?? null,
    rdSharePercent: p?.rdSharePercent === null || p?.rdSharePercent === undefined ? null : Number(p.rdSharePercent),
    sectors: p?.sectors ?? [],
    foundedOn: p?.foundedOn ?? null,
    updatedAt: p?.updatedBy ? p.updatedAt.toISOString() : null,
    confirmedAt: p?.confirmedAt?.toISOString() ?? null,
    confirmedBy: p?.confirmedBy ?? null,
  };
}

export async function profileSourceOf(db: Executor, organizationId: string): Promise<ProfileSource> {
  const [s] = await loadProfileSources(db, organizationId);
  if (!s) throw notFound('机构');
  return s;
}
