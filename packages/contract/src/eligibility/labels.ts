/** Chinese labels of eligibility rules and qualifications, from the domain glossary (zod-free). */
export { ELIGIBILITY_RULE_LABELS, QUALIFICATION_LABELS } from '@scenebridge/domain/glossary';
