/**
 * Gives dev-eval/passages.tsv titles the way policy passages are usually titled: a passage
 * that opens with a numbered measure (1.加快经费拨付进度。…, (二)…, 一是…) takes that lead as
 * its title; a passage that continues a measure (no new heading since) takes the title of
 * the measure before it; the rest keep the heading scripts/split-seeds.ts gave them. Ids and texts are unchanged,
 * so the judgments stay valid.
 *
 *   npx tsx packages/search/dev-eval/retitle.ts < passages.tsv > passages.new.tsv
 */
import { readFileSync } from 'node:fs';

const LEAD =
  /^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,3}是)\s*([^。；！？:：]{2,40}?)\s*[。；！？:：]/;

const lines = readFileSync(0, 'utf8').split('\n');
const out: string[] = [];
let lastLead = '';
let lastSource = '';
let leadHeading = '';
for (const [i, line] of lines.entries()) {
  if (i === 0 || !line) {
    out.push(line);
    continue;
  }
  const [id, source, title, text] = line.split('\t');
  if (source !== lastSource || title !== leadHeading) {
    lastLead = '';
    lastSource = source!;
  }
  const m = LEAD.exec(text ?? '');
  if (m) {
    lastLead = m[1]!.slice(0, 30);
    leadHeading = title!;
  }
  out.push([id, source, lastLead || title, text].join('\t'));
}
process.stdout.write(out.join('\n'));
