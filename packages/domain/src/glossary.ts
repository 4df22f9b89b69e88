/** Chinese terms for the domain's English names. UI strings come from here. */
import type { CallState, OrganizationState, ReviewAssignmentState, SubmissionState } from './lifecycles.js';
import type { ListType, OrganizationKind, Role } from './roles.js';
import type { EligibilityRuleName } from './eligibility/rules.js';
import type { QualificationCode } from './eligibility/qualifications.js';
import type { DealAction, DealActivityState, DealState } from './lifecycles.js';
import type { DealActivityKind, DealSource } from './deals/vocabulary.js';

export const ROLE_LABELS: Record<Role, string> = {
  operator: '运营方',
  reviewer: '评审专家',
  broker: '技术经理人',
  registrar: '技术合同登记员',
  org_admin: '机构管理员',
  org_member: '机构成员',
};
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  government: '政府部门',
  soe: '国有企业',
  private_enterprise: '民营企业',
  ai_company: '人工智能企业',
  university: '高等院校',
  research_institute: '科研院所',
  new_rd_institution: '新型研发机构',
  hospital: '医院',
  school: '中小学校',
  industrial_park: '产业园区',
  service_agency: '科技服务机构',
};
export const ORGANIZATION_STATE_LABELS: Record<OrganizationState, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};
export const LIST_TYPE_LABELS: Record<ListType, string> = { scenario_need: '场景需求', capability: '场景能力' };
export const CALL_STATE_LABELS: Record<CallState, string> = {
  draft: '草稿',
  scheduled: '待开放',
  open: '征集中',
  closed: '已截止',
  reviewing: '评审中',
  results_published: '结果已发布',
  cancelled: '已取消',
};
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '评审中',
  selected: '已入选',
  rejected: '未入选',
  returned_for_revision: '退回修改',
  published: '已发布',
  matching: '对接中',
  awarded: '已揭榜',
  in_delivery: '实施中',
  accepted: '已验收',
  benchmark_case: '标杆案例',
  withdrawn: '已撤回',
  expired: '已过期',
  merged: '已合并',
  discarded: '已删除',
};
export const REVIEW_ASSIGNMENT_STATE_LABELS: Record<ReviewAssignmentState, string> = {
  assigned: '待评分',
  submitted: '已提交',
  conflict_declared: '已回避',
  withdrawn: '已撤销',
};
export const OPENNESS_LABELS = { none: '不开放', on_request: '按需开放', open: '开放' } as const;

/** Qualifications (资质) an organisation holds and a challenge may require (eligibility/qualifications.ts). */
export const QUALIFICATION_LABELS: Record<QualificationCode, string> = {
  high_tech_enterprise: '高新技术企业',
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新"小巨人"企业',
  single_champion: '制造业单项冠军企业',
  national_enterprise_tech_center: '国家企业技术中心',
  provincial_enterprise_tech_center: '省级企业技术中心',
  software_enterprise: '软件企业',
  national_key_laboratory: '全国重点实验室',
  iso27001: '信息安全管理体系认证（ISO/IEC 27001）',
  itss: '信息技术服务标准（ITSS）符合性评估',
};
/** The eligibility rules of a challenge (eligibility/rules.ts). */
export const ELIGIBILITY_RULE_LABELS: Record<EligibilityRuleName, string> = {
  organizationKinds: '机构类型',
  regionCodes: '注册地区',
  qualifications: '资质要求',
  notWinnerWithinYears: '近年未获本专项支持',
  maxOpenApplicationsPerOrganization: '同时申报项数上限',
  excludeDishonest: '无失信记录',
};

/** 对接项目 (docs/deals.md): stages, activity, sources and follow-up kinds. */
export const DEAL_STATE_LABELS: Record<DealState, string> = {
  suggested: '推荐',
  intent: '意向',
  meeting: '洽谈会面',
  negotiating: '谈判',
  signed: '已签约',
  declined: '已终止',
};
export const DEAL_ACTIVITY_STATE_LABELS: Record<DealActivityState, string> = {
  active: '跟进中',
  dormant: '休眠',
};
export const DEAL_ACTION_LABELS: Record<DealAction | 'wake', string> = {
  express_intent: '确认意向',
  schedule_meeting: '安排洽谈会面',
  negotiate: '进入谈判',
  sign: '签约',
  decline: '终止',
  wake: '唤醒',
};
export const DEAL_SOURCE_LABELS: Record<DealSource, string> = {
  interest: '意向对接',
  award: '揭榜中榜',
  manual: '经理人推荐',
};
export const DEAL_ACTIVITY_KIND_LABELS: Record<DealActivityKind, string> = {
  call: '电话',
  meeting: '会面',
  visit: '走访',
  document: '文件',
  note: '备注',
};

// 技术合同登记 (docs/contracts.md). The code lists' own labels live with the codes (contracts/codes.ts).
export {
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPE_CATEGORY_LABELS,
  LEGAL_NATURE_LABELS,
  LEGAL_NATURE_GROUP_LABELS,
  PAYMENT_METHOD_LABELS,
  CONTRACT_VERSION_KIND_LABELS,
  CONTRACT_ORIGIN_LABELS,
  PATENT_NUMBER_KIND_LABELS,
} from './contracts/codes.js';
export const CONTRACT_REGISTRATION_STATE_LABELS: Record<import('./lifecycles.js').ContractRegistrationState, string> = {
  draft: '草稿',
  submitted: '已提交待受理',
  accepted: '已受理',
  returned: '退回补正',
  registered: '已登记',
  refused: '未予登记',
  discarded: '已作废',
};
export const CONTRACT_REGISTRATION_ACTION_LABELS: Record<import('./lifecycles.js').ContractRegistrationAction, string> = {
  submit: '提交登记',
  resubmit: '补正后重新提交',
  discard: '作废草稿',
  accept: '受理',
  return_for_correction: '退回补正',
  register: '准予登记',
  refuse: '不予登记',
};
