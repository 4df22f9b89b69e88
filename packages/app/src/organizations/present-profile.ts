import type { OrganizationDishonestyFlagRow, OrganizationQualificationRow } from '@scenebridge/db';
import { isQualificationValidOn, QUALIFICATION_LABELS, shanghaiDay, type QualificationCode } from '@scenebridge/domain';

export function presentQualification(q: OrganizationQualificationRow, now: Date) {
  const code = q.code as QualificationCode;
  return {
    id: q.id,
    code,
    label: QUALIFICATION_LABELS[code] ?? q.code,
    certificateNo: q.certificateNo,
    validUntil: q.validUntil,
    /** Whether it counts today (Asia/Shanghai): an expired qualification does not. */
    valid: isQualificationValidOn({ code, validUntil: q.validUntil }, shanghaiDay(now)),
    createdAt: q.createdAt.toISOString(),
  };
}

export function presentDishonestyFlag(f: OrganizationDishonestyFlagRow | undefined | null) {
  if (!f) return null;
  return {
    flagged: f.flagged,
    source: f.source,
    listedOn: f.listedOn,
    reason: f.reason,
    updatedAt: f.updatedAt.toISOString(),
  };
}
