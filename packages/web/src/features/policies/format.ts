/**
 * Words for what the policy pages show: term tags ("比例上限 40%"), amounts of 分 as 元 and 万元,
 * and a calculator definition in a sentence an operator can check against the source.
 */
import type { PolicyTermJson } from '@scenebridge/contract/policies';

export const TERM_TYPE_LABELS: Record<PolicyTermJson['type'], string> = {
  ratio_cap: '比例上限',
  amount_cap: '金额上限',
  amount: '金额',
  ratio: '比例',
  count_cap: '数量上限',
  count: '数量',
  time_limit: '时限',
  period: '期限',
  target_year: '目标年份',
  date: '日期',
  age_limit: '年龄上限',
};

const TIER = /^tier:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/;

/** "tier:200-500" → "200万至500万元部分"; other qualifiers as written. */
export function qualifierLabel(qualifier: string | null | undefined): string {
  if (!qualifier) return '';
  const m = TIER.exec(qualifier);
  if (!m) return qualifier;
  const [, low, high] = m;
  if (!high) return `${low}万元以上部分`;
  return low === '0' ? `${high}万元以下部分` : `${low}万至${high}万元部分`;
}

function valueWithUnit(t: Pick<PolicyTermJson, 'type' | 'value' | 'unit'>): string {
  if (t.type === 'date' || t.unit === 'date') return String(t.value);
  if (t.type === 'target_year') return `${t.value}年`;
  const sep = /^[A-Za-z]/.test(t.unit) ? ' ' : '';
  return `${t.value}${sep}${t.unit}`;
}

/** A term as a tag: "比例上限 40%", "金额 50万元", with a tier or qualifier after it when there is one. */
export function termLabel(t: Pick<PolicyTermJson, 'type' | 'value' | 'unit' | 'qualifier'>): string {
  const q = qualifierLabel(t.qualifier);
  return `${TERM_TYPE_LABELS[t.type] ?? t.type} ${valueWithUnit(t)}${q ? `（${q}）` : ''}`;
}

const group = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 123456789 (分) → "1,234,567.89 元": exact, with thousands separators. */
export function formatFenYuan(fen: number): string {
  const f = BigInt(Math.trunc(fen));
  const sign = f < 0n ? '-' : '';
  const abs = f < 0n ? -f : f;
  return `${sign}${group(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')} 元`;
}

/** 123456789 (分) → "123.456789 万元" trimmed of trailing zeros: exact, so a result can be checked. */
export function formatFenWan(fen: number): string {
  const f = BigInt(Math.trunc(fen));
  const sign = f < 0n ? '-' : '';
  const abs = f < 0n ? -f : f;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${group(abs / 1_000_000n)}${frac ? `.${frac}` : ''} 万元`;
}

/** Both, the way a result is shown: "1,234,567.89 元（123.456789 万元）". */
export const formatFen = (fen: number) => `${formatFenYuan(fen)}（${formatFenWan(fen)}）`;

/** Short money of a definition: 8000000 → "80万元", 123456 → "1234.56元". */
export function fenShort(fen: number): string {
  if (fen % 10_000 === 0) return `${formatFenWan(fen).replace(' 万元', '').replace(/,/g, '')}万元`;
  return formatFenYuan(fen).replace(' 元', '元').replace(/,/g, '');
}

/** The validity of a policy in words: dates and, when detected, the text's own phrase. */
export function validityText(p: { validFrom: string | null; validUntil: string | null; validityPhrase?: string | null }): string {
  const range =
    p.validFrom && p.validUntil
      ? `${p.validFrom} 至 ${p.validUntil}`
      : p.validUntil
        ? `至 ${p.validUntil}`
        : p.validFrom
          ? `${p.validFrom} 起`
          : '未写明有效期';
  return p.validityPhrase ? `${range}（原文：${p.validityPhrase}）` : range;
}
