/**
 * The password rule (docs/adr/0003): 10–128 characters with letters and digits, not guessable
 * (zxcvbn: a common password, a word with a year, a keyboard run, a sequence …), and not built
 * from the account's own email. One function, so the API, the use cases and the forms agree.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

import { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN, passwordShapeProblem } from './field-rules.js';

export { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN };
/** zxcvbn score 3: an estimated 10^8 guesses or more ("safely unguessable" online). */
const MIN_SCORE = 3;
/**
 * zxcvbn's matching grows steeply with length (a 128-character l33t run took ~0.5 s here) and
 * the rule is checked on public endpoints, so only this many leading characters are scored:
 * a password whose first 40 characters are unguessable is unguessable.
 */
const SCORED_LENGTH = 40;
/** Words an attacker of this platform would try first. */
const PLATFORM_WORDS = ['scenebridge', 'changjingqiao', 'admin', 'administrator', 'woaini', 'zhongguo'];

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** The email's local part, when it is long enough to mean something inside a password. */
function emailWords(email: string | undefined): string[] {
  if (!email) return [];
  const lower = email.trim().toLowerCase();
  const local = lower.split('@')[0] ?? '';
  return local.length >= 3 ? [lower, local] : [lower];
}

/** The first rule the password breaks (a Chinese message), or null. */
export function passwordProblem(password: string, email?: string): string | null {
  const shape = passwordShapeProblem(password);
  if (shape) return shape;
  const emailProblem = passwordEmailProblem(password, email);
  if (emailProblem) return emailProblem;
  if (zxcvbn().check(password.slice(0, SCORED_LENGTH), [...emailWords(email), ...PLATFORM_WORDS]).score < MIN_SCORE)
    return PASSWORD_MESSAGES.guessable;
  return null;
}

/** Only the email part of the rule: cheap, for forms that check the rest elsewhere. */
export function passwordEmailProblem(password: string, email: string | undefined): string | null {
  const lower = password.toLowerCase();
  return emailWords(email).some((w) => lower.includes(w)) ? PASSWORD_MESSAGES.containsEmail : null;
}
