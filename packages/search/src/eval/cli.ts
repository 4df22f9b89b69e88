/**
 * npm run eval -- [--data DIR] [--json] [--subset LABEL=QID_FROM..QID_TO]...
 *
 * Reads DIR/sector.tsv, items.tsv, passages.tsv, queries.tsv and qrels.tsv (and, when there,
 * match_listings.tsv and match_qrels.tsv) and prints a
 * table (or, with --json, exactly one JSON object on stdout). --subset adds a summary row
 * for a range of query ids to the table; it changes nothing else. Every run also measures the
 * colloquial queries of colloquial-pairs.ts on the demo listings (key "colloquial" in the JSON);
 * without --data that is all it does.
 */
import { resolve } from 'node:path';
import { colloquialJson, formatColloquial, runColloquialEval } from './colloquial.js';
import { demoCorpus } from './demo-corpus.js';
import { formatReport, runEval, toJson, type Subset } from './run.js';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: npm run eval -- [--data DIR] [--json] [--subset LABEL=QID_FROM..QID_TO]');
  process.exit(2);
}

const args = process.argv.slice(2);
let data: string | undefined;
let json = false;
const subsets: Subset[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--data') data = args[++i] ?? usage('--data needs a folder');
  else if (a.startsWith('--data=')) data = a.slice(7);
  else if (a === '--json') json = true;
  else if (a === '--subset' || a.startsWith('--subset=')) {
    const v = a === '--subset' ? args[++i] : a.slice(9);
    const m = /^(?:([^=]+)=)?([^.]+)\.\.(.+)$/.exec(v ?? '');
    if (!m) usage(`bad --subset "${v}"`);
    subsets.push({ label: m[1] ?? `${m[2]}..${m[3]}`, from: m[2]!, to: m[3]! });
  } else if (a === '--help' || a === '-h') usage();
  else usage(`unknown argument "${a}"`);
}
try {
  // Everyday-language coverage on the demo listings (issue 12) comes with every run; alone without --data.
  const colloquial = runColloquialEval(demoCorpus());
  const result = data ? runEval(resolve(data)) : undefined;
  if (json) process.stdout.write(JSON.stringify({ ...(result && toJson(result)), colloquial: colloquialJson(colloquial) }) + '\n');
  else console.log([result && formatReport(result, subsets), formatColloquial(colloquial)].filter(Boolean).join('\n\n'));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
