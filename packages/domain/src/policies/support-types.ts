/**
 * 支持方式: how a measure supports those it is for. The operator classifies each measure with one
 * of these codes, so the library and "measures for me" can filter by the kind of help offered.
 */
export const POLICY_SUPPORT_TYPES = ['subsidy', 'reward', 'tax', 'finance', 'service', 'talent', 'other'] as const;
export type PolicySupportType = (typeof POLICY_SUPPORT_TYPES)[number];

export const POLICY_SUPPORT_TYPE_LABELS: Record<PolicySupportType, string> = {
  subsidy: '资金补助',
  reward: '奖励',
  tax: '税收优惠',
  finance: '金融支持',
  service: '服务支持',
  talent: '人才支持',
  other: '其他',
};

export const isPolicySupportType = (code: string | null | undefined): code is PolicySupportType =>
  (POLICY_SUPPORT_TYPES as readonly string[]).includes(code ?? '');
