/**
 * Who may maintain the search vocabulary (the segmentation dictionary and the synonym groups):
 * operators only. The vocabulary is one, platform-wide, and no secret (every search uses it),
 * so whoever else asks is refused with 403, not told it does not exist.
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The platform's one vocabulary: the policy's resource carries nothing. */
export type Vocabulary = null;
export const VOCABULARY: Vocabulary = null;

const signedIn: Rule<Vocabulary> = (a) => !!a;
const operator: Rule<Vocabulary> = (a) => isOperator(a);

export const vocabularyPolicy = definePolicy<Vocabulary, 'list' | 'add' | 'remove'>('检索词典', {
  view: signedIn,
  list: operator,
  add: operator,
  remove: operator,
});

export type VocabularyAction = Parameters<typeof vocabularyPolicy.allow>[1];

/** Like vocabularyPolicy.authorize, with the answer the web shows. */
export function authorizeVocabulary(actor: Actor | null, action: VocabularyAction): void {
  if (!vocabularyPolicy.allow(actor, action, VOCABULARY)) throw forbidden('只有运营方可以维护检索词典');
}
