/** Chinese labels of review assignments, from the domain glossary (zod-free). */
export { REVIEW_ASSIGNMENT_STATE_LABELS } from '@scenebridge/domain/glossary';
