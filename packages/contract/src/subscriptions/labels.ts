/** The Chinese names of the subscription kinds, as 我的订阅 and its export show them (zod-free, so the web loads it). */
export const SUBSCRIPTION_KIND_LABELS = {
  saved_search: '保存的检索',
  match_profile: '为我匹配',
  policy_digest: '订阅政策动态',
  policy_match: '新政策匹配提醒',
} as const;
