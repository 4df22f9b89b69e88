/**
 * 本期推荐研究方向: three directions suggested from what the measures are about, for the
 * operator to rewrite. A topic is a word of a small vocabulary (the platform's sectors and
 * technology fields, and the recurring themes of science-and-technology policy); the topics named
 * by the most measure headings win, and each direction is titled with the heading that names
 * the most topics at once (the broadest statement of it).
 */
import { SECTORS } from '../../taxonomy.js';
import { measureLabel } from './summary.js';

export interface DigestDirection {
  title: string;
  text: string;
}

export interface DirectionSource {
  title: string;
  measures: readonly { heading: string | null; text: string }[];
}

const TECHNOLOGIES = [
  '人工智能',
  '大模型',
  '机器人',
  '具身智能',
  '自动驾驶',
  '无人机',
  '低空经济',
  '物联网',
  '数字孪生',
  '区块链',
  '隐私计算',
  '元宇宙',
  '5G',
  '工业互联网',
  '云计算',
  '算力',
  '大数据',
  '芯片',
  '半导体',
  '集成电路',
  '软件',
  '智能网联',
  '新能源汽车',
  '新材料',
  '生物医药',
  '脑机接口',
];
const THEMES = [
  '场景创新',
  '绿色',
  '低碳',
  '碳达峰',
  '数字化',
  '智能化',
  '成果转化',
  '人才',
  '科研经费',
  '知识产权',
  '孵化',
  '创新平台',
  '研发机构',
  '专精特新',
  '产业链',
  '供应链',
  '高新区',
  '开放合作',
  '家电',
  '科研',
];
/** Sector names as they occur in running text (科学研究 is written 科研, handled above). */
const SECTOR_WORDS = SECTORS.map((s) => s.name).filter((n) => n !== '科学研究' && n !== '重大活动与工程');

/** Longest first, so a heading naming 科研经费 is not also counted for 科研 alone. */
export const DIRECTION_TOPICS: readonly string[] = [...new Set([...TECHNOLOGIES, ...THEMES, ...SECTOR_WORDS])].sort(
  (a, b) => b.length - a.length,
);

/** The topics a text names, each once; a shorter topic inside a longer one found there does not count. */
export function topicsOf(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const t of DIRECTION_TOPICS) {
    if (!rest.includes(t)) continue;
    found.push(t);
    rest = rest.split(t).join('\u0000');
  }
  return found;
}

interface Heading {
  label: string;
  topics: string[];
  order: number;
}

function headingsOf(sources: readonly DirectionSource[]): Heading[] {
  const out: Heading[] = [];
  for (const s of sources)
    for (const m of s.measures) {
      const label = measureLabel(m);
      if (label) out.push({ label, topics: topicsOf(label), order: out.length });
    }
  return out;
}

function rankTopics(headings: readonly Heading[], sources: readonly DirectionSource[]): string[] {
  const score = new Map<string, { n: number; first: number }>();
  const add = (t: string, weight: number, order: number) => {
    const s = score.get(t) ?? { n: 0, first: order };
    score.set(t, { n: s.n + weight, first: Math.min(s.first, order) });
  };
  for (const h of headings) for (const t of h.topics) add(t, 1, h.order);
  // A topic in a policy's own title is what that policy is about: it counts as two headings.
  for (const s of sources) for (const t of topicsOf(s.title)) add(t, 2, Number.MAX_SAFE_INTEGER);
  return [...score.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([t]) => t);
}

/** A longer heading is a notice's name (…关于印发…的通知), not a direction. */
const TITLE_MAX = 24;

function direction(topic: string, headings: readonly Heading[], used: Set<string>): DigestDirection {
  const naming = headings.filter((h) => h.topics.includes(topic));
  const title =
    [...naming]
      .filter((h) => h.label.length <= TITLE_MAX)
      .sort((a, b) => b.topics.length - a.topics.length || a.order - b.order)
      .find((h) => !used.has(h.label))?.label ?? `围绕“${topic}”开展研究`;
  used.add(title);
  const short = naming.filter((h) => h.label.length <= TITLE_MAX);
  const examples = (short.length ? short : naming).slice(0, 3).map((h) => `“${h.label}”`);
  const text = naming.length
    ? `本期有${naming.length}项措施涉及“${topic}”，如${examples.join('、')}。建议围绕“${topic}”梳理可承接的应用场景和研究课题。`
    : `本期政策聚焦“${topic}”。建议围绕“${topic}”梳理可承接的应用场景和研究课题。`;
  return { title, text };
}

/** Up to `count` directions; fewer only when the measures name fewer topics and headings. */
export function suggestDigestDirections(sources: readonly DirectionSource[], count = 3): DigestDirection[] {
  const headings = headingsOf(sources);
  const used = new Set<string>();
  const out = rankTopics(headings, sources)
    .slice(0, count)
    .map((t) => direction(t, headings, used));
  // Few topics: the remaining headings, in document order, as directions of their own.
  for (const h of headings) {
    if (out.length >= count) break;
    if (used.has(h.label)) continue;
    used.add(h.label);
    out.push({ title: h.label, text: `建议结合本单位基础，研究“${h.label}”的落实路径。` });
  }
  return out;
}
