/**
 * Does a text state a measurable target? True when it has a number with a unit or a
 * percentage (95%, 30分钟, 200万元, 1万件), a comparison with a number (≥99%, 不低于98,
 * 降低30, 缩短至5), or a Chinese-numeral ratio (三成, 两倍, 百分之十, 减半, 翻一番).
 * Years and dates (2025年, 2025年底) are deadlines, not targets, and do not count.
 */
import { normalizeText } from '../normalize.js';

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNITS = [
  '%',
  '‰',
  '个百分点',
  '百分点',
  '倍',
  '亿元',
  '万元',
  '千元',
  '元',
  '亿',
  '万',
  '毫秒',
  'ms',
  '秒',
  '分钟',
  '小时',
  'h',
  '天',
  '日',
  '周',
  '个月',
  '月',
  '年内',
  '季度',
  '人次',
  '人',
  '次',
  '件',
  '台',
  '套',
  '家',
  '个',
  '项',
  '例',
  '张',
  '份',
  '条',
  '路',
  '辆',
  '架',
  '座',
  '户',
  '床',
  '类',
  '种',
  '所',
  '名',
  '位',
  '处',
  '栋',
  '间',
  '头',
  '只',
  '株',
  '棵',
  '艘',
  '批',
  '单',
  '公里',
  'km',
  '千米',
  '米',
  'm',
  '厘米',
  'cm',
  '毫米',
  'mm',
  '微米',
  '平方米',
  '㎡',
  '平方公里',
  '亩',
  '公顷',
  '吨',
  't',
  '千克',
  'kg',
  '克',
  '千瓦时',
  'kwh',
  '度',
  '千瓦',
  'kw',
  '兆瓦',
  'mw',
  'tb',
  'gb',
  'fps',
  '帧',
  '级',
  '分',
];
const UNIT_ALT = UNITS.map((u) => u.replace(/[%‰.]/g, '\\$&'))
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A number followed by a unit; a four-digit year before 年/年底/年前 is excluded below. */
const NUMBER_WITH_UNIT = new RegExp(`(${NUM})\\s*(${UNIT_ALT})`, 'g');
const COMPARATIVE = new RegExp(
  `(?:[≥≤><]=?|不低于|不少于|不高于|不超过|高于|低于|大于|小于|超过|达到|达|提升|提高|增加|增长|降低|减少|下降|缩短|压缩|节约|节省|控制在|缩短至|降至|提升至|提高到|降低到)\\s*(?:至|到)?\\s*${NUM}`,
);
const CHINESE_RATIO =
  /(?:[一二两三四五六七八九十]+成|[一二两三四五六七八九十百千]+倍|百分之[一二三四五六七八九十百零点]+|减半|翻一番|翻番|翻两番)/;
const YEAR = /^(?:19|20)\d\d$/;

export function isMeasurable(text: string | undefined | null): boolean {
  if (!text) return false;
  const norm = normalizeText(text);
  if (COMPARATIVE.test(norm) || CHINESE_RATIO.test(norm)) return true;
  for (const m of norm.matchAll(NUMBER_WITH_UNIT)) {
    const [, num, unit] = m;
    // 2025年 (unit 年内 aside), 2025年底: a date. 12月 after a year is a date too, but 3个月 is a span.
    if (YEAR.test(num!) && /^年/.test(norm.slice((m.index ?? 0) + num!.length).trimStart())) continue;
    if (unit === '月' || unit === '日') {
      const before = norm.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
      if (before === '年' || before === '月') continue;
      if (unit === '月') continue; // "3月" is a month of the year; spans are written 3个月
    }
    return true;
  }
  return false;
}
