/**
 * Words and small rules of the organisation's policy pages: outcome and stage names, the profile
 * form's checks (the server checks them again and its messages win), and what a condition's
 * missing field links to.
 */
import { POLICY_PROFILE_FIELD_LABELS } from '@scenebridge/domain/policies/conditions';
import type { ConditionOutcome, PolicyProfileInput, PolicyProfileView, RedemptionStage } from './api';

export const OUTCOME_TABS: { outcome: ConditionOutcome; label: string }[] = [
  { outcome: 'met', label: '符合' },
  { outcome: 'unknown', label: '待补充信息' },
  { outcome: 'not_met', label: '不符合' },
];

export const CHECK_LABELS: Record<ConditionOutcome, string> = { met: '满足', not_met: '不满足', unknown: '无法判断' };

export const STAGE_LABELS: Record<RedemptionStage, string> = {
  matched: '待确认申领',
  confirmed: '已确认，待兑现',
  declined: '已放弃',
  redeemed: '已兑现',
};
export const STAGE_COLORS: Record<RedemptionStage, string> = {
  matched: 'processing',
  confirmed: 'warning',
  declined: 'default',
  redeemed: 'success',
};
export const stageLabel = (stage: string) => STAGE_LABELS[stage as RedemptionStage] ?? stage;

/** The evaluator starts each reason with its outcome (满足：…); the card shows that as an icon. */
export function reasonText(reason: string): string {
  return reason.replace(/^(满足|不满足|无法判断)[：:]\s*/, '');
}

type ProfileField = keyof typeof POLICY_PROFILE_FIELD_LABELS;
/** Fields the organisation fills in itself; the others (失信核查) are kept by operators. */
const EDITABLE: readonly string[] = ['employees', 'revenueBand', 'rdSharePercent', 'sectors', 'foundedOn'];

/**
 * Where a missing field is filled in: the profile page, focused on that field when the
 * organisation can fill it in (成立年份 is asked as the date); null for what only operators keep.
 * Accepts the field code or its Chinese label, as the API lists labels.
 */
export function missingFieldLink(field: string): string | null {
  const entry = Object.entries(POLICY_PROFILE_FIELD_LABELS).find(([code, label]) => code === field || label === field);
  if (!entry) return '/policy-profile';
  const code = (entry[0] as ProfileField) === 'foundedYear' ? 'foundedOn' : entry[0];
  return EDITABLE.includes(code) ? `/policy-profile?field=${code}` : null;
}

/** 研发投入占比 as typed: a number from 0 to 100 with at most two decimals; null when fine. */
export function rdShareProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return '请填写0—100之间的数字，最多两位小数';
  return Number(t) <= 100 ? null : '研发投入占比不能超过100%';
}

export function employeesProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,7}$/.test(t)) return '职工人数请填写不小于0的整数';
  return null;
}

export interface ProfileFormValues {
  employees: string;
  revenueBand?: string | null;
  rdSharePercent: string;
  sectors: string[];
  foundedOn?: string | null;
}

export function profileFormValues(p: PolicyProfileView): ProfileFormValues {
  return {
    employees: p.employees === null ? '' : String(p.employees),
    revenueBand: p.revenueBand,
    rdSharePercent: p.rdSharePercent === null ? '' : String(p.rdSharePercent),
    sectors: p.sectors,
    foundedOn: p.foundedOn,
  };
}

/** The PUT body: an empty field is sent as null (cleared), never left out. */
export function profileInput(v: ProfileFormValues): PolicyProfileInput {
  const num = (t: string | undefined) => (t === undefined || t.trim() === '' ? null : Number(t.trim()));
  return {
    employees: num(v.employees),
    revenueBand: v.revenueBand || null,
    rdSharePercent: num(v.rdSharePercent),
    sectors: v.sectors ?? [],
    foundedOn: v.foundedOn || null,
  };
}

/** 已核实 only when an operator confirmed the profile as it now stands (saving clears it). */
export function isConfirmed(p: Pick<PolicyProfileView, 'confirmedAt' | 'updatedAt'>): boolean {
  if (!p.confirmedAt) return false;
  return !p.updatedAt || p.confirmedAt >= p.updatedAt;
}

/** A qualification's validity on `today` (YYYY-MM-DD). */
export function validityText(validUntil: string | null, today: string): { text: string; expired: boolean } {
  if (!validUntil) return { text: '长期有效', expired: false };
  return validUntil < today ? { text: `已于 ${validUntil} 到期`, expired: true } : { text: `有效至 ${validUntil}`, expired: false };
}

/** What a comparison run found, in one sentence (a second run adds nobody already listed). */
export function runSummaryText(r: { organizations: number; eligible: number; unknown: number; added: number }): string {
  const kept = r.eligible - r.added;
  const parts = [`共比对 ${r.organizations} 家机构，${r.eligible} 家符合全部条件`];
  parts.push(r.added > 0 ? `新增 ${r.added} 家待确认` : '没有新增');
  if (kept > 0) parts.push(`${kept} 家此前已列入`);
  if (r.unknown > 0) parts.push(`${r.unknown} 家因信息不全无法判断，未列入`);
  return `${parts.join('，')}。`;
}
