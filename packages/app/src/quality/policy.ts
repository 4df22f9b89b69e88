/**
 * Who may use the quality tools. The check at the door serves the submission form, which only an
 * approved organisation may use (403 ORGANIZATION_NOT_APPROVED, which the web tells apart); what
 * it reports of other listings is the listing policy's (search/policy.ts). Duplicate clusters span
 * organisations and merging changes others' items: operators only (403 to anyone else, asked
 * before any item is read).
 */
import { DomainError, forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The quality tools as a whole: the resource carries nothing. */
export type Quality = null;
export const QUALITY: Quality = null;

const operator: Rule<Quality> = (a) => isOperator(a);

export const qualityPolicy = definePolicy<Quality, 'checkDraft' | 'viewClusters' | 'merge'>('质量检查', {
  view: (a) => !!a,
  checkDraft: (a) => a?.organizationStatus === 'approved',
  viewClusters: operator,
  merge: operator,
});

export type QualityAction = 'checkDraft' | 'viewClusters' | 'merge';

const REFUSALS: Record<QualityAction, () => DomainError> = {
  checkDraft: () => new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填报', 403),
  viewClusters: () => forbidden('只有运营方可以查看重复项聚类'),
  merge: () => forbidden('只有运营方可以合并重复项'),
};

/** `qualityPolicy`'s refusal, with the code and message the web shows. */
export function authorizeQuality(actor: Actor | null, action: QualityAction): void {
  if (!qualityPolicy.allow(actor, action, QUALITY)) throw REFUSALS[action]();
}
