/** Helpers the features' subscribers share when they turn recorded events into notifications. */
import type { Actor } from '../context.js';

/** No one is told of what they did themselves. */
export const exceptActor = <U extends { id: string }>(actor: Actor | null, users: readonly U[]): U[] =>
  users.filter((u) => u.id !== actor?.userId);

const SHOWN = 5;

/** Item titles for a notification body, one a line; past five, how many more. */
export function titleLines(titles: readonly string[]): string {
  const lines = titles.slice(0, SHOWN).map((t) => `· ${t}`);
  if (titles.length > SHOWN) lines.push(`……等共${titles.length}项`);
  return lines.join('\n');
}

/** Groups values by a key, keeping first-seen order. */
export function groupBy<T, K>(values: readonly T[], key: (v: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const v of values) {
    const k = key(v);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}
