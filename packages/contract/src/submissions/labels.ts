/** Chinese labels of submissions, from the domain glossary (zod-free). */
export { OPENNESS_LABELS, SUBMISSION_STATE_LABELS } from '@scenebridge/domain/glossary';
