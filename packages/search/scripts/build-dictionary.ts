/**
 * Builds dict/domain.txt, the domain dictionary the Segmenter loads on top of jieba's own.
 *
 *   npx tsx packages/search/scripts/build-dictionary.ts [--seeds DIR] [--taxonomy FILE] [--print-candidates]
 *
 * Sources (and only these):
 *   1. dict/curated.txt — hand-written AI / industry / policy terms;
 *   2. the taxonomy — sector and technology-field names, split at 与/和, and the "covers"
 *      examples of shared/taxonomy.md;
 *   3. the demo generator vocabulary (packages/demo/src/scenes.ts): scene names,
 *      technology phrases and scene objects;
 *   4. candidate terms mined from the seed texts (shared/seeds/*.txt): within each clause
 *      (text between punctuation), runs of 2–3 adjacent jieba words that jieba splits but
 *      that recur as a unit. A candidate must occur at least MIN_COUNT times, be 3–6
 *      characters long, not start or end with a function word or a generic policy verb,
 *      be cohesive (it accounts for a good share of its rarer part's occurrences) and have
 *      at least two different left and right neighbours (it is not always part of one
 *      longer phrase).
 * The output is deterministic for the same inputs.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as demo from '@scenebridge/demo';
import { SECTORS, TECH_FIELDS } from '@scenebridge/domain';
import { normalizeText } from '@scenebridge/search/normalize';
import { isStopWord } from '@scenebridge/search/stopwords';
import { parseDictionary, Segmenter } from '@scenebridge/search/segment';

const here = new URL('.', import.meta.url).pathname;
const pkg = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const seedsDir = opt('--seeds', resolve(pkg, '../../../shared/seeds'));
const taxonomyFile = opt('--taxonomy', resolve(pkg, '../../../shared/taxonomy.md'));

const MIN_COUNT = 3;
const MIN_COHESION = 0.25;
const FREQ_CURATED = 30000;
const FREQ_TAXONOMY = 30000;
const FREQ_DEMO = 20000;
const FREQ_MINED = 10000;

/** Words that start or end policy clauses without being part of a term. */
const EDGE_WORDS = new Set(
  (
    '推动 推进 加快 加强 加大 支持 鼓励 促进 提升 提高 实施 开展 建设 打造 培育 发展 完善 深化 强化 优化 探索 围绕 ' +
    '积极 持续 全面 重点 进一步 不断 着力 大力 深入 努力 实现 形成 坚持 引导 组织 落实 健全 构建 扩大 拓展 依托 聚焦 ' +
    '各类 一批 相关 有关 主要 我市 全市 全区 我区 工作 方面 领域 力争 达到 挖掘 良好 数量 不 年 万 亿 个 家 项 新 一 二 三 四 五'
  ).split(' '),
);

const jieba = Jieba.withDict(dict);
const baseDict = new Set(parseDictionary(new TextDecoder().decode(dict)).map((t) => t.word));

interface Entry {
  word: string;
  freq: number;
  tag: string;
  source: string;
}
const entries = new Map<string, Entry>();
function add(word: string, freq: number, source: string, tag = 'n') {
  const w = normalizeText(word).replace(/\s+/g, '');
  if (Array.from(w).length < 2 || entries.has(w)) return;
  if (/[\s#]/.test(w)) return;
  entries.set(w, { word: w, freq, tag, source });
}

// 1. curated
for (const t of parseDictionary(readFileSync(join(pkg, 'dict/curated.txt'), 'utf8'))) add(t.word, t.freq ?? FREQ_CURATED, 'curated', t.tag);

// 2. taxonomy
for (const s of SECTORS) add(s.name, FREQ_TAXONOMY, 'taxonomy');
for (const f of TECH_FIELDS) {
  add(f.name, FREQ_TAXONOMY, 'taxonomy');
  for (const part of f.name.split(/[与和]/)) add(part, FREQ_TAXONOMY, 'taxonomy');
}
try {
  const md = readFileSync(taxonomyFile, 'utf8');
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | code | name | covers |
    if (cells.length >= 5 && /^[a-z_]+$/.test(cells[1] ?? '') && cells[3]) {
      for (const c of cells[3].split(/[,，、]/)) add(c.trim(), FREQ_TAXONOMY, 'taxonomy');
    }
  }
} catch {
  console.error(`taxonomy not found at ${taxonomyFile}; using names from @scenebridge/domain only`);
}

// 3. demo vocabulary
for (const phrases of Object.values(demo.TECH_PHRASES)) for (const p of phrases) add(p, FREQ_DEMO, 'demo');
for (const s of demo.SECTOR_TEMPLATES) {
  for (const scene of s.scenes) {
    add(scene.name, FREQ_DEMO, 'demo');
    for (const o of scene.objects) if (!/[{}（）()、]/.test(o) && Array.from(o).length <= 6) add(o, FREQ_DEMO, 'demo');
  }
}

// 4. mined from the seeds
const seedTexts = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const counts = new Map<string, number>();
const wordCounts = new Map<string, number>();
const left = new Map<string, Set<string>>();
const right = new Map<string, Set<string>>();
const parts = new Map<string, string[]>();
for (const text of seedTexts) {
  for (const clause of normalizeText(text).split(/[^\p{Script=Han}]+/u)) {
    if (Array.from(clause).length < 3) continue;
    const words = jieba.cut(clause, false);
    for (const w of words) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
    for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= 3 && i + n <= words.length; n++) {
        const seq = words.slice(i, i + n);
        const cand = seq.join('');
        const len = Array.from(cand).length;
        if (len < 3 || len > 6) continue;
        counts.set(cand, (counts.get(cand) ?? 0) + 1);
        parts.set(cand, seq);
        (left.get(cand) ?? left.set(cand, new Set()).get(cand)!).add(words[i - 1] ?? '^');
        (right.get(cand) ?? right.set(cand, new Set()).get(cand)!).add(words[i + n] ?? '$');
      }
    }
  }
}
const mined: Array<{ word: string; count: number; cohesion: number }> = [];
for (const [cand, count] of counts) {
  if (count < MIN_COUNT || baseDict.has(cand)) continue;
  const seq = parts.get(cand)!;
  if (seq.some((w) => isStopWord(w) || (Array.from(w).length === 1 && EDGE_WORDS.has(w)))) continue;
  if (EDGE_WORDS.has(seq[0]!) || EDGE_WORDS.has(seq[seq.length - 1]!)) continue;
  const rarest = Math.min(...seq.map((w) => wordCounts.get(w) ?? count));
  const cohesion = count / rarest;
  if (cohesion < MIN_COHESION) continue;
  if ((left.get(cand)?.size ?? 0) < 2 || (right.get(cand)?.size ?? 0) < 2) continue;
  mined.push({ word: cand, count, cohesion });
}
mined.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'zh'));
if (args.includes('--print-candidates')) {
  for (const m of mined) console.log(`${m.word}\t${m.count}\t${m.cohesion.toFixed(2)}`);
}
for (const m of mined) add(m.word, FREQ_MINED, 'seeds');

// Background word counts of the seed texts (general policy language), for the classifier:
// a word that is as common in policy prose as in a sector's vocabulary says little about the sector.
{
  const seg = new Segmenter({
    extraDictionary: [...entries.values()].map((e) => `${e.word} ${e.freq} ${e.tag}`).join('\n'),
    domainDictionary: false,
  });
  const bg = new Map<string, number>();
  for (const text of seedTexts) for (const w of seg.words(text)) bg.set(w, (bg.get(w) ?? 0) + 1);
  const rows = [...bg].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  writeFileSync(
    join(pkg, 'dict/background.txt'),
    [
      '# Word counts (count ≥ 2) in shared/seeds/*.txt, tokenised like the index. GENERATED by',
      '# packages/search/scripts/build-dictionary.ts; the classifier uses it as background language.',
      ...rows.map(([w, n]) => `${w} ${n}`),
    ].join('\n') + '\n',
  );
  console.error(`dict/background.txt: ${rows.length} words`);
}

const header = [
  '# SceneBridge domain dictionary for jieba: 词 频率 词性. GENERATED by',
  '# packages/search/scripts/build-dictionary.ts from dict/curated.txt, the taxonomy, the demo',
  '# scene vocabulary and terms mined from shared/seeds/*.txt. Edit curated.txt and re-run.',
];
const bySource = (src: string) => [...entries.values()].filter((e) => e.source === src);
const lines = [...header];
for (const src of ['curated', 'taxonomy', 'demo', 'seeds']) {
  lines.push(`# --- ${src} ---`);
  for (const e of bySource(src)) lines.push(`${e.word} ${e.freq} ${e.tag}`);
}
writeFileSync(join(pkg, 'dict/domain.txt'), lines.join('\n') + '\n');
console.error(
  `dict/domain.txt: ${entries.size} terms (${['curated', 'taxonomy', 'demo', 'seeds'].map((s) => `${s} ${bySource(s).length}`).join(', ')})`,
);
