/**
 * A measure's quantitative terms said in words, the way a 政策动态 summary quotes them
 * (不超过40%（200万元及以下部分）, 最高100万元, 30日内). Values are the stored normalised ones:
 * money in 万元, shares in %, dates ISO.
 */
import { chineseDateText } from './numbering.js';

export interface DigestTerm {
  type: string;
  value: number | string;
  unit: string;
  qualifier?: string | null;
}

const number = (v: number | string) => (typeof v === 'number' ? String(Number(v.toFixed(4))) : v);

/** tier:LOW-HIGH in 万元 → the part of the base the tier covers. */
function tierText(qualifier: string): string | null {
  const m = /^tier:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(qualifier);
  if (!m) return null;
  const [low, high] = [Number(m[1]), m[2] === undefined ? null : Number(m[2])];
  if (high === null) return `${low}万元以上部分`;
  if (low === 0) return `${high}万元及以下部分`;
  return `${low}万元至${high}万元部分`;
}

function qualified(text: string, qualifier: string | null | undefined): string {
  if (!qualifier) return text;
  const tier = tierText(qualifier);
  return `${text}（${tier ?? qualifier}）`;
}

/** 10000000万元 is read 1000亿元: amounts of 亿 are said in 亿. */
function scaled(t: DigestTerm): { v: string; unit: string } {
  if (t.unit === '万元' && typeof t.value === 'number' && t.value >= 10_000) return { v: number(t.value / 10_000), unit: '亿元' };
  return { v: number(t.value), unit: t.unit === 'date' ? '' : t.unit };
}

function bare(t: DigestTerm): string {
  const { v, unit } = scaled(t);
  switch (t.type) {
    case 'ratio_cap':
    case 'amount_cap':
    case 'count_cap':
    case 'age_limit':
      return `不超过${v}${unit}`;
    case 'time_limit':
      return `${v}${unit}内`;
    case 'period':
      return `期限${v}${unit}`;
    case 'target_year':
      return `到${v}年`;
    case 'date':
      return chineseDateText(String(t.value));
    default:
      return `${v}${unit}`;
  }
}

export function termInWords(t: DigestTerm): string {
  return qualified(bare(t), t.qualifier);
}

/** Distinct wordings in order, at most `limit`, with 等 when some were left out. */
export function termsInWords(terms: readonly DigestTerm[], limit = 6): string {
  const words = [...new Set(terms.map(termInWords))];
  return words.length > limit ? `${words.slice(0, limit).join('，')}等` : words.join('，');
}
