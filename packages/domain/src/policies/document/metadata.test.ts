import { describe, expect, it } from 'vitest';
import { findChineseDates, parseChineseNumber } from './chinese-numbers.js';
import { detectMetadata, type PolicyMetadata } from './metadata.js';
import { detectValidity } from './validity.js';
import { seedText } from './seeds.testing.js';

/** Every detected value is read where its span says (dates and numbers as written). */
function expectSpansPointAtValues(text: string, meta: PolicyMetadata): void {
  for (const key of ['title', 'issuer'] as const) {
    const span = meta.spans[key];
    if (span !== undefined) expect(text.slice(span.start, span.end)).toBe(meta[key]);
  }
  if (meta.spans.issuedOn !== undefined) {
    expect(findChineseDates(text.slice(meta.spans.issuedOn.start, meta.spans.issuedOn.end))[0]?.iso).toBe(meta.issuedOn);
  }
  if (meta.validity !== undefined) expect(text.slice(meta.validity.span.start, meta.validity.span.end)).toBe(meta.validity.phrase);
}

describe('chinese numbers and dates', () => {
  it('reads positional and digit-by-digit numerals', () => {
    expect([
      parseChineseNumber('十五'),
      parseChineseNumber('二十九'),
      parseChineseNumber('一百零三'),
      parseChineseNumber('二〇二二'),
    ]).toEqual([15, 29, 103, 2022]);
    expect(parseChineseNumber('２０２４')).toBe(2024);
    expect(parseChineseNumber('某')).toBeUndefined();
  });

  it('reads dates in digits, spaced digits and numerals, and rejects impossible ones', () => {
    const dates = findChineseDates('2022年7月29日、2022 年 7 月 28 日、二〇二二年七月二十九日和2023年2月30日');
    expect(dates.map((d) => d.iso)).toEqual(['2022-07-29', '2022-07-28', '2022-07-29']);
  });
});

describe('detectMetadata on the seeds', () => {
  it('reads the plan’s transmittal: title, signature and date (001)', () => {
    const text = seedText('001_');
    const meta = detectMetadata(text);
    expect(meta.title).toBe('涪陵区科技创新“十四五”规划(2021—2025年)');
    expect(meta.issuer).toBe('重庆市涪陵区人民政府');
    expect(meta.issuedOn).toBe('2021-12-29');
    // 涪陵委发〔2021〕15号 is cited in the glossary: another document's number.
    expect(meta.documentNumber).toBeUndefined();
    expectSpansPointAtValues(text, meta);
  });

  it('reads the bulletin’s masthead with its spaced date (000)', () => {
    const text = seedText('000_');
    const meta = detectMetadata(text);
    expect(meta.title).toBe('高等职业教育动态');
    expect(meta.issuer).toBe('重庆商务职业学院高等职业教育研究所');
    expect(meta.issuedOn).toBe('2022-08-15');
    expectSpansPointAtValues(text, meta);
  });

  it('reads the headline and the issuing office named in the news (003)', () => {
    const text = seedText('003_');
    const meta = detectMetadata(text);
    expect(meta.title).toBe('重庆加快建设全国人工智能应用高地');
    expect(meta.issuer).toBe('重庆市人民政府办公厅');
    expect(meta.issuedOn).toBeUndefined();
    expectSpansPointAtValues(text, meta);
  });
});

describe('detectMetadata on written notices', () => {
  const notice = (number: string): string =>
    `重庆市科学技术局关于印发支持科技型企业发展若干措施的通知\n${number}\n各区县科技主管部门：\n现将《支持科技型企业发展若干措施》印发给你们，请认真贯彻执行。\n重庆市科学技术局\n二〇二四年三月五日`;

  it('normalises every bracket form of a document number to 〔〕', () => {
    for (const number of [
      '渝科局发〔2024〕12号',
      '渝科局发[2024]12号',
      '渝科局发［2024］12号',
      '渝科局发【2024】12号',
      '渝科局发（2024）12号',
      '渝科局发 〔2024〕 12 号',
    ]) {
      const meta = detectMetadata(notice(number));
      expect(meta.documentNumber).toBe('渝科局发〔2024〕12号');
      const span = meta.spans.documentNumber;
      expect(span && notice(number).slice(span.start, span.end)).toBe(number.trim());
    }
  });

  it('reads the title line, the signature and a date in numerals', () => {
    const text = notice('渝科局发〔2024〕12号');
    const meta = detectMetadata(text);
    expect(meta.title).toBe('重庆市科学技术局关于印发支持科技型企业发展若干措施的通知');
    expect(meta.issuer).toBe('重庆市科学技术局');
    expect(meta.issuedOn).toBe('2024-03-05');
    expectSpansPointAtValues(text, meta);
  });

  it('dates a validity that starts on issue from the signature', () => {
    const text = `${notice('渝科局发〔2024〕12号')}\n\n本措施自印发之日起施行，有效期3年。`;
    const meta = detectMetadata(text);
    expect(meta.validity).toMatchObject({ from: '2024-03-05', until: '2027-03-04', phrase: '本措施自印发之日起施行，有效期3年' });
    expectSpansPointAtValues(text, meta);
  });
});

describe('detectValidity phrases', () => {
  it.each([
    ['本办法自2023年1月1日起施行，有效期至2025年12月31日。', { from: '2023-01-01', until: '2025-12-31' }],
    ['本通知自2024年7月1日起施行，有效期五年。', { from: '2024-07-01', until: '2029-06-30' }],
    ['实施期限截至2026年6月30日。', { until: '2026-06-30' }],
    ['本政策有效期至二〇二五年十二月三十一日。', { until: '2025-12-31' }],
    ['本意见自2022年8月1日起实施。', { from: '2022-08-01' }],
  ])('%s', (text, expected) => {
    const validity = detectValidity(text);
    expect(validity).toMatchObject(expected);
    expect(validity && text.slice(validity.span.start, validity.span.end)).toBe(validity?.phrase);
    for (const key of ['from', 'until'] as const) if (!(key in expected)) expect(validity?.[key]).toBeUndefined();
  });

  it('keeps the wording but no dates when a term in years has no known start', () => {
    const validity = detectValidity('本措施自印发之日起施行，有效期2年。');
    expect(validity?.phrase).toBe('本措施自印发之日起施行，有效期2年');
    expect(validity?.from).toBeUndefined();
    expect(validity?.until).toBeUndefined();
    expect(detectValidity('本措施自印发之日起施行，有效期2年。', '2024-02-29')).toMatchObject({ from: '2024-02-29', until: '2026-02-28' });
  });

  it('finds nothing in text without validity wording', () => {
    expect(detectValidity('加快经费拨付进度，项目任务书签订后30日内拨付。')).toBeUndefined();
  });
});
