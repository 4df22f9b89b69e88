/** Chinese labels of 对接项目 (zod-free, so the web loads them). */
export {
  DEAL_STATE_LABELS,
  DEAL_ACTIVITY_STATE_LABELS,
  DEAL_ACTION_LABELS,
  DEAL_SOURCE_LABELS,
  DEAL_ACTIVITY_KIND_LABELS,
} from '@scenebridge/domain/glossary';
export { fenToWanText, formatReward } from '../challenges/labels.js';
