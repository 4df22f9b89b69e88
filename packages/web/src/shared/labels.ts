/**
 * UI wording that neither /api/v1/meta nor the contract carries (action verbs, TRL, colours).
 * State names, roles and openness come from the domain glossary through the contract; which
 * actions need a reason and which states are editable come from the contract's lifecycles.
 */
import { CALL_STATE_LABELS, LIST_TYPE_LABELS } from '@scenebridge/contract/calls/labels';
import type { CallState } from '@scenebridge/contract/calls/lifecycle';
import { ORGANIZATION_STATE_LABELS } from '@scenebridge/contract/organizations/labels';
import type { OrganizationState } from '@scenebridge/contract/organizations/lifecycle';
import { REVIEW_ASSIGNMENT_STATE_LABELS } from '@scenebridge/contract/review/labels';
import { OPENNESS_LABELS, SUBMISSION_STATE_LABELS } from '@scenebridge/contract/submissions/labels';
import type { SubmissionState } from '@scenebridge/contract/submissions/lifecycle';
import type { AssignmentStatus, DigestFrequency, FacetKey, MatchPartKey, Openness, SearchSort, SynonymKind } from './types';

// The audit trail's wording is the contract's (the audit export writes the same words).
export { ACTION_LABELS, actionLabel, ENTITY_TYPE_LABELS } from '@scenebridge/contract/audit/labels';

/** Transitions that deserve an "are you sure" even without a reason. */
export const CONFIRM_ACTIONS = new Set([
  'close',
  'start_review',
  'publish_results',
  'withdraw',
  'discard',
  'open',
  'publish',
  'approve',
  'select',
  'award',
  'start_delivery',
  'accept',
]);

/** Wording of submission transitions on the detail page (reject there means 不入选, not 驳回). */
export const SUBMISSION_ACTION_LABELS: Record<string, string> = {
  withdraw: '撤回',
  discard: '删除草稿',
  select: '入选',
  reject: '不入选',
  award: '确定承接方',
  start_delivery: '开始实施',
  accept: '验收通过',
};

const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, string> = {
  assigned: 'processing',
  submitted: 'success',
  conflict_declared: 'default',
  withdrawn: 'default',
};
export const ASSIGNMENT_STATUS = Object.fromEntries(
  (Object.keys(ASSIGNMENT_STATUS_COLORS) as AssignmentStatus[]).map((s) => [
    s,
    { label: REVIEW_ASSIGNMENT_STATE_LABELS[s], color: ASSIGNMENT_STATUS_COLORS[s] },
  ]),
) as Record<AssignmentStatus, { label: string; color: string }>;

/** Default title of a batch, as the server builds it (the server picks N when the title is left empty). */
export const BATCH_LIST_NAMES: Record<string, string> = {
  scenario_need: '人工智能场景机会清单',
  capability: '人工智能场景能力清单',
};

export const OPENNESS_OPTIONS: Array<{ value: Openness; label: string }> = (Object.keys(OPENNESS_LABELS) as Openness[]).map((value) => ({
  value,
  label: OPENNESS_LABELS[value],
}));
export const opennessLabel = (v: string | undefined) => OPENNESS_OPTIONS.find((o) => o.value === v)?.label ?? v ?? '';

/** Technology readiness levels (GB/T 22900-2022 wording, shortened). */
export const TRL_LABELS: Record<number, string> = {
  1: '1级 基本原理清晰',
  2: '2级 形成技术概念',
  3: '3级 通过概念验证',
  4: '4级 实验室环境验证',
  5: '5级 相关环境部件验证',
  6: '6级 相关环境系统样机验证',
  7: '7级 实际环境样机演示',
  8: '8级 实际系统试验验证',
  9: '9级 实际运行检验成熟',
};

export const CHAIN_PROBLEM_LABELS: Record<string, string> = {
  sequence_gap: '序号不连续（记录可能被删除）',
  prev_hash_mismatch: '前序哈希不匹配（记录可能被删除或重排）',
  hash_mismatch: '哈希不匹配（记录可能被篡改）',
};

export const CALL_STATE_COLORS: Record<CallState, string> = {
  draft: 'default',
  scheduled: 'cyan',
  open: 'green',
  closed: 'orange',
  reviewing: 'blue',
  results_published: 'purple',
  cancelled: 'red',
};
export const SUBMISSION_STATE_COLORS: Record<SubmissionState, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  selected: 'green',
  rejected: 'red',
  returned_for_revision: 'orange',
  published: 'purple',
  matching: 'cyan',
  awarded: 'gold',
  in_delivery: 'geekblue',
  accepted: 'lime',
  benchmark_case: 'magenta',
  withdrawn: 'default',
  expired: 'default',
  merged: 'default',
  discarded: 'default',
};
export const ORGANIZATION_STATE_COLORS: Record<OrganizationState, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** Fallback when /meta is unavailable: the same glossary the server's /meta answers from. */
export const FALLBACK_LABELS: Record<'callStates' | 'submissionStates' | 'organizationStates' | 'listTypes', Record<string, string>> = {
  callStates: CALL_STATE_LABELS,
  submissionStates: SUBMISSION_STATE_LABELS,
  organizationStates: ORGANIZATION_STATE_LABELS,
  listTypes: LIST_TYPE_LABELS,
};

/** Default review criteria per list type (product brief, "Review practice"). */
export const DEFAULT_CRITERIA = {
  scenario_need: [
    { key: 'urgency', name: '需求迫切性', weight: 30 },
    { key: 'demonstration', name: '示范带动性', weight: 30 },
    { key: 'feasibility', name: '技术可行性', weight: 20 },
    { key: 'openness', name: '开放条件', weight: 20 },
  ],
  capability: [
    { key: 'advancement', name: '技术先进性', weight: 30 },
    { key: 'feasibility', name: '方案可行性', weight: 30 },
    { key: 'capacity', name: '实施能力', weight: 20 },
    { key: 'pricing', name: '报价合理性', weight: 20 },
  ],
} as const;

/** Chinese names of submission fields, to prefix server messages that do not name the field. */
const FIELD_LABELS: Record<string, string> = {
  title: '名称',
  description: '描述',
  sector: '所属领域',
  sectors: '服务领域',
  techFields: '技术领域',
  regionCode: '所在地区',
  budgetMin: '预算下限',
  budgetMax: '预算上限',
  dataOpenness: '数据开放',
  siteOpenness: '场地开放',
  expectedOutcome: '预期成效',
  maturityTrl: '技术成熟度',
  referenceCases: '应用案例',
  contact: '联系方式',
  'contact.name': '联系人',
  'contact.phone': '联系电话',
  'contact.email': '电子邮箱',
  'contact.public': '公开联系方式',
  client: '客户单位',
  year: '年份',
  summary: '案例简介',
};

/** "data.referenceCases.0.summary" → "应用案例1·案例简介"; unknown paths come back as they are. */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'data' && p !== '');
  if (parts.length === 0) return '';
  const joined = parts.join('.');
  if (FIELD_LABELS[joined]) return FIELD_LABELS[joined];
  if (parts[0] === 'referenceCases' && parts.length >= 2) {
    const n = Number(parts[1]);
    const sub = parts[2] === 'title' ? '案例名称' : parts[2] ? (FIELD_LABELS[parts[2]] ?? parts[2]) : '';
    return `应用案例${Number.isFinite(n) ? n + 1 : ''}${sub ? `·${sub}` : ''}`;
  }
  return parts.map((p) => FIELD_LABELS[p] ?? p).join('·');
}

// ---- Search and matching (检索与匹配) ----

/** Facet panels of the search page, in display order. */
export const FACETS: Array<{ key: FacetKey; title: string }> = [
  { key: 'listType', title: '清单类型' },
  { key: 'sector', title: '所属领域' },
  { key: 'techField', title: '技术领域' },
  { key: 'region', title: '地区' },
  { key: 'status', title: '状态' },
  { key: 'batch', title: '发布批次' },
  { key: 'budget', title: '预算' },
  { key: 'maturity', title: '技术成熟度' },
];

export const SORT_OPTIONS: Array<{ value: SearchSort; label: string }> = [
  { value: 'relevance', label: '按相关度' },
  { value: 'newest', label: '按最新发布' },
  { value: 'deadline', label: '按截止时间' },
];

/** Colours of the parts of a match score (stacked bar and legend). */
export const MATCH_PART_COLORS: Record<MatchPartKey, string> = {
  terms: '#1456c6',
  sector: '#13a8a8',
  tech: '#722ed1',
  region: '#fa8c16',
  budget: '#52c41a',
  maturity: '#eb2f96',
};

export const SYNONYM_KIND_OPTIONS: Array<{ value: SynonymKind; label: string; help: string }> = [
  { value: 'equivalent', label: '等价词', help: '互相完全替代，如本地叫法“熔接点”与“焊点”（常见同义词系统已内置，见“内置同义词”）' },
  { value: 'near', label: '近义词', help: '意思相近，检索时降低权重匹配' },
  { value: 'one_way', label: '单向扩展', help: '第一个词检索时扩展到其余词，反之不扩展' },
];
export const synonymKindLabel = (k: string) => (k === 'related' ? '相关词' : (SYNONYM_KIND_OPTIONS.find((o) => o.value === k)?.label ?? k));

export const FREQUENCY_OPTIONS: Array<{ value: DigestFrequency; label: string }> = [
  { value: 'daily', label: '每日' },
  { value: 'weekly', label: '每周' },
];
export const frequencyLabel = (f: string) => FREQUENCY_OPTIONS.find((o) => o.value === f)?.label ?? f;

/** Kinds of notification: their labels are written once, in the contract. */
export { notificationKindLabel } from '@scenebridge/contract/notifications/labels';

/** 0.873 → "87%" */
export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Budget range in 万元, as people write it. */
export function budgetText(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return '未填';
  if (min != null && max != null) return min === max ? `${min}万元` : `${min}–${max}万元`;
  return min != null ? `${min}万元以上` : `${max}万元以内`;
}
