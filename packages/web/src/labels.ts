/** UI wording that /api/v1/meta does not carry (action verbs, openness, TRL, colours). */
import type { Openness } from './types';

export const ACTION_LABELS: Record<string, string> = {
  // organisations
  approve: '通过', reject: '驳回', reapply: '重新提交审核',
  // calls
  schedule: '计划开放', unschedule: '撤销计划', open: '立即开放', close: '截止征集',
  start_review: '开始评审', publish_results: '发布结果', cancel: '取消',
  // submissions
  submit: '提交', resubmit: '重新提交', withdraw: '撤回', return_for_revision: '退回修改',
  select: '入选', publish: '发布', start_matching: '开始对接', award: '揭榜',
  start_delivery: '开始实施', accept: '验收', promote_benchmark: '评为标杆案例', expire: '过期',
  // audit-only verbs
  create: '创建', update: '修改', register: '注册', login: '登录', logout: '退出登录',
  change_password: '修改密码', import: '批量导入', upload_attachment: '上传附件', delete_attachment: '删除附件',
};
export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;

/** Transitions that the server refuses without a reason. */
export const REASON_REQUIRED_ACTIONS = new Set(['reject', 'cancel', 'return_for_revision', 'terminate', 'not_award', 'decline']);
/** Transitions that deserve an "are you sure" even without a reason. */
export const CONFIRM_ACTIONS = new Set(['close', 'start_review', 'publish_results', 'withdraw', 'open', 'publish', 'approve']);

export const OPENNESS_OPTIONS: Array<{ value: Openness; label: string }> = [
  { value: 'none', label: '不开放' },
  { value: 'on_request', label: '按需开放' },
  { value: 'open', label: '开放' },
];
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

export const ROLE_FALLBACK: Record<string, string> = {
  operator: '运营方', reviewer: '评审专家', broker: '技术经理人', org_admin: '机构管理员', org_member: '机构成员',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organization: '机构', user: '用户', call: '征集', submission: '填报', attachment: '附件', import: '导入', session: '会话',
};

export const CHAIN_PROBLEM_LABELS: Record<string, string> = {
  sequence_gap: '序号不连续（记录可能被删除）',
  prev_hash_mismatch: '前序哈希不匹配（记录可能被删除或重排）',
  hash_mismatch: '哈希不匹配（记录可能被篡改）',
};

export const CALL_STATE_COLORS: Record<string, string> = {
  draft: 'default', scheduled: 'cyan', open: 'green', closed: 'orange', reviewing: 'blue',
  results_published: 'purple', cancelled: 'red',
};
export const SUBMISSION_STATE_COLORS: Record<string, string> = {
  draft: 'default', submitted: 'blue', in_review: 'processing', selected: 'green', rejected: 'red',
  returned_for_revision: 'orange', published: 'purple', matching: 'cyan', awarded: 'gold',
  in_delivery: 'geekblue', accepted: 'lime', benchmark_case: 'magenta', withdrawn: 'default', expired: 'default',
};
export const ORGANIZATION_STATE_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** Fallback when /meta is unavailable. */
export const FALLBACK_LABELS = {
  callStates: {
    draft: '草稿', scheduled: '待开放', open: '征集中', closed: '已截止', reviewing: '评审中',
    results_published: '结果已发布', cancelled: '已取消',
  } as Record<string, string>,
  submissionStates: {
    draft: '草稿', submitted: '已提交', in_review: '评审中', selected: '已入选', rejected: '未入选',
    returned_for_revision: '退回修改', published: '已发布', matching: '对接中', awarded: '已揭榜',
    in_delivery: '实施中', accepted: '已验收', benchmark_case: '标杆案例', withdrawn: '已撤回', expired: '已过期',
  } as Record<string, string>,
  organizationStates: { pending: '待审核', approved: '已通过', rejected: '未通过' } as Record<string, string>,
  listTypes: { scenario_need: '场景需求', capability: '场景能力' } as Record<string, string>,
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
