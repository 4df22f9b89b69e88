/** Chinese labels of organisations and their users' roles, from the domain glossary (zod-free). */
export { ORGANIZATION_KIND_LABELS, ORGANIZATION_STATE_LABELS, ROLE_LABELS } from '@scenebridge/domain/glossary';
export { QUALIFICATION_LABELS } from '@scenebridge/domain/glossary';
