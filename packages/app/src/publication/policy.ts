/**
 * Who may do what with the published lists. What is published is public (anyone, signed in or
 * not, reads batches, entries and benchmark cases); only the operator publishes, corrects and
 * promotes. The role is checked before anything is loaded or validated, so a refusal is 403.
 */
import { isOperator } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The published lists as a whole: the policy's resource carries nothing. */
export type PublishedLists = null;
export const PUBLISHED_LISTS: PublishedLists = null;

const operator: Rule<PublishedLists> = (a) => isOperator(a);

export const publicationPolicy = definePolicy<PublishedLists, 'publish' | 'correct' | 'promote'>('发布批次', {
  view: () => true,
  publish: operator,
  correct: operator,
  promote: operator,
});
