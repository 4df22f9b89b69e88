/** Chinese labels of the broker's workspace (zod-free, so the web loads them). */
export { ROLE_LABELS } from '@scenebridge/domain/glossary';
export const BROKER_PROFILE_FIELD_LABELS = {
  fields: '擅长技术领域',
  certificateNo: '技术经理人证书编号',
  bio: '简介',
} as const;
export const BROKER_WORKSPACE_LABELS = {
  caseload: '我的对接项目',
  dueToday: '今日待跟进',
  overdue: '已逾期跟进',
  dormantDeals: '休眠项目',
  conversion: '转化情况',
  handled: '经手项目',
  signed: '已签约',
  signedRate: '签约率',
  signedExpectedFen: '签约预计金额',
  suggestedMatches: '推荐对接',
} as const;
