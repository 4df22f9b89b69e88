/** The words of 对接项目 (docs/deals.md), zod-free so the web loads them. */
export const DEAL_SOURCES = ['interest', 'award', 'manual'] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];
export const DEAL_ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'document', 'note'] as const;
export type DealActivityKind = (typeof DEAL_ACTIVITY_KINDS)[number];
/** The stage moves a person takes on a deal (dealMachine actions). */
export const DEAL_STAGE_ACTIONS = ['express_intent', 'schedule_meeting', 'negotiate', 'sign', 'decline'] as const;
export type DealStageAction = (typeof DEAL_STAGE_ACTIONS)[number];
