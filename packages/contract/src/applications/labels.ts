/** Chinese words of 揭榜 applications (zod-free, so the web loads it). Money helpers: ../challenges/labels. */
import type { ApplicationState } from '@scenebridge/domain/lifecycles';
export { MAX_CONSORTIUM_MEMBERS } from '@scenebridge/domain/lifecycles';
export type { ApplicationState };
export { fenToWanText, formatReward } from '../challenges/labels.js';

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  draft: '草稿',
  submitted: '已提交',
  withdrawn: '已撤回',
  shortlisted: '已入围',
  proposed: '拟中榜',
  awarded: '已中榜',
  not_awarded: '未中榜',
};

export const APPLICATION_ACTION_LABELS: Record<string, string> = {
  submit: '提交申报',
  withdraw: '撤回申报',
  shortlist: '入围',
  propose: '拟定中榜',
  unpropose: '撤回拟中榜',
  revoke_proposal: '撤销拟中榜',
  award: '确定中榜',
  not_award: '不予入围',
};

export const MEMBER_STATE_LABELS: Record<'invited' | 'confirmed' | 'declined', string> = {
  invited: '待确认',
  confirmed: '已确认',
  declined: '已拒绝',
};
