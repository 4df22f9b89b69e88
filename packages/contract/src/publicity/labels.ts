/** Chinese labels of the 公示 and 异议 states (zod-free, so the web and the portal load them). */
export const PUBLICITY_STATUS_LABELS: Record<string, string> = {
  draft: '待开始',
  running: '公示中',
  ended: '公示期满（异议处理中）',
  final: '公示结束',
  cancelled: '已取消',
};
export const OBJECTION_STATUS_LABELS: Record<string, string> = {
  pending: '待处理',
  dismissed: '不成立（已驳回）',
  upheld: '成立（条目已撤销）',
};
export const PUBLICITY_SUBJECT_LABELS: Record<string, string> = {
  call_selection: '征集评审结果',
  challenge_award: '揭榜挂帅拟中榜单位',
};
