/** Chinese labels of calls, from the domain glossary (zod-free). */
export { CALL_STATE_LABELS, LIST_TYPE_LABELS } from '@scenebridge/domain/glossary';
