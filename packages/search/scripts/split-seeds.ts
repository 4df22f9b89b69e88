/**
 * Splits the seed texts into passages for our own development set (dev-eval/passages.tsv):
 * one passage per non-empty line, lines under 30 characters merged into the next, lines over
 * 600 characters split at sentence ends. Titles are the nearest short line before the passage
 * (a heading), cut to 30 characters.
 *
 *   npx tsx packages/search/scripts/split-seeds.ts [--seeds DIR] > packages/search/dev-eval/passages.tsv
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const i = args.indexOf('--seeds');
const dir = i >= 0 ? args[i + 1]! : resolve(new URL('.', import.meta.url).pathname, '../../../../shared/seeds');
const out = ['id\tsource\ttitle\ttext'];
for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.txt'))
  .sort()) {
  const lines = readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let n = 0;
  let title = '';
  let carry = '';
  for (const line of lines) {
    if (line.length < 30) {
      if (!/^[\d\s.…]+$/.test(line)) title = line.slice(0, 30);
      carry += (carry ? ' ' : '') + line;
      continue;
    }
    const text = carry ? `${carry} ${line}` : line;
    carry = '';
    const parts: string[] = [];
    let cur = '';
    for (const s of text.split(/(?<=[。；！？])/)) {
      if (cur.length + s.length > 600 && cur) {
        parts.push(cur);
        cur = '';
      }
      cur += s;
    }
    if (cur) parts.push(cur);
    for (const p of parts) out.push(`D${f.slice(0, 3)}-${String(++n).padStart(4, '0')}\t${f}\t${title || line.slice(0, 30)}\t${p}`);
    if (!title) title = line.slice(0, 30);
  }
}
console.log(out.join('\n'));
