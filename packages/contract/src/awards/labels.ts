/** Chinese labels of task agreements (zod-free, so the web loads them). */
import type { AwardState, MilestoneState } from '@scenebridge/domain/lifecycles';
export { fenToWanText, formatReward } from '../challenges/labels.js';

export const AWARD_STATE_LABELS: Record<AwardState, string> = {
  active: '履约中',
  completed: '已验收完成',
  eliminated: '已淘汰',
  terminated: '已终止',
};

export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  pending: '待交付',
  submitted: '待验收',
  passed: '验收通过',
  passed_with_conditions: '有条件通过',
  failed: '验收未通过',
};

export const ACCEPTANCE_VERDICT_LABELS: Record<'pass' | 'pass_with_conditions' | 'fail', string> = {
  pass: '通过',
  pass_with_conditions: '有条件通过',
  fail: '不通过',
};

export const ACCEPTOR_ROLE_LABELS: Record<'owner' | 'expert', string> = { owner: '发榜单位', expert: '验收专家' };
