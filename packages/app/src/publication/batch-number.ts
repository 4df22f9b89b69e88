/**
 * The batch number the operator most likely means. Calls are often named after the list they feed
 * ("2026年第五批人工智能场景需求征集"); when the call's title says which batch it is, that number is
 * suggested, else the next number of the year. Only a suggestion: the operator confirms or changes it.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五 → 5, 十二 → 12, 二十 → 20, 一百零三 → 103, 12 → 12; null if it is not a number we read. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      // 十二 starts with its unit: one ten.
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      digit = DIGITS[ch]!;
    }
  }
  return total + (digit ?? 0);
}

/** The number a title gives its batch (第五批, 第 3 批), or null. */
export function batchNumberInTitle(title: string): number | null {
  const m = /第\s*([0-9]+|[零〇一二两三四五六七八九十百]+)\s*批/.exec(title);
  return m ? parseChineseNumber(m[1]!) : null;
}

export type BatchNumberSource = 'call_title' | 'sequence';

export function suggestBatchNumber(
  callTitle: string,
  next: number,
  taken: (n: number) => boolean,
  range: readonly [number, number],
): { number: number; source: BatchNumberSource } {
  const named = batchNumberInTitle(callTitle);
  if (named !== null && named >= range[0] && named <= range[1] && !taken(named)) return { number: named, source: 'call_title' };
  return { number: next, source: 'sequence' };
}
