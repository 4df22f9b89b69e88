import { describe, expect, it } from 'vitest';
import { decide } from '../../state-machine.js';
import { seedText } from '../document/seeds.testing.js';
import { readPolicy } from '../reading/index.js';
import {
  chineseCounting,
  chineseDateText,
  chineseListMarker,
  composeDigestSummary,
  digestNumberText,
  nextDigestNumbers,
  pickKeyMeasures,
  policyDigestMachine,
  suggestDigestDirections,
  termInWords,
  topicsOf,
  type DigestMeasure,
} from './index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).name;
  }
  return undefined;
};

function measuresOf(prefix: string): DigestMeasure[] {
  const text = seedText(prefix);
  return readPolicy(text).measures.map((m, seq) => ({
    id: m.path,
    seq,
    heading: m.heading ?? null,
    text: text.slice(m.span.start, m.span.end),
    terms: m.terms,
  }));
}

describe('numbering', () => {
  it('numbers the next issue within the year and over all years, as printed', () => {
    expect(digestNumberText(nextDigestNumbers({ thisYear: 0, all: 0 }))).toBe('第1期（总第1期）');
    expect(digestNumberText(nextDigestNumbers({ thisYear: 4, all: 64 }))).toBe('第5期（总第65期）');
    expect(codeOf(() => nextDigestNumbers({ thisYear: 3, all: 2 }))).toBe('RangeError');
    expect(codeOf(() => digestNumberText({ issueNo: 0, totalNo: 3 }))).toBe('RangeError');
    expect(codeOf(() => digestNumberText({ issueNo: 4, totalNo: 3 }))).toBe('RangeError');
  });

  it('writes list markers and dates the Chinese way', () => {
    expect([1, 5, 10, 11, 20, 23, 99].map(chineseCounting)).toEqual(['一', '五', '十', '十一', '二十', '二十三', '九十九']);
    expect(chineseListMarker(4)).toBe('四、');
    expect(codeOf(() => chineseCounting(0))).toBe('RangeError');
    expect(chineseDateText('2022-08-05')).toBe('2022年8月5日');
    expect(chineseDateText('2021-05')).toBe('2021年5月');
  });

  it('publishes a draft once', () => {
    expect(decide(policyDigestMachine, { from: 'draft', action: 'publish', actors: ['operator'] }).to).toBe('published');
    expect(codeOf(() => decide(policyDigestMachine, { from: 'published', action: 'publish', actors: ['operator'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(policyDigestMachine, { from: 'draft', action: 'publish', actors: ['owner'] }))).toBe('FORBIDDEN');
  });
});

describe('terms in words', () => {
  it('says caps, tiers, limits and targets as a reader quotes them', () => {
    const span = { start: 0, end: 1 };
    expect(termInWords({ type: 'ratio_cap', value: 40, unit: '%', qualifier: 'tier:0-200', span } as never)).toBe(
      '不超过40%（200万元及以下部分）',
    );
    expect(termInWords({ type: 'ratio_cap', value: 20, unit: '%', qualifier: 'tier:1000-' })).toBe('不超过20%（1000万元以上部分）');
    expect(termInWords({ type: 'ratio_cap', value: 30, unit: '%', qualifier: 'tier:200-500' })).toBe('不超过30%（200万元至500万元部分）');
    expect(termInWords({ type: 'time_limit', value: 30, unit: '日' })).toBe('30日内');
    expect(termInWords({ type: 'target_year', value: 2025, unit: '年' })).toBe('到2025年');
    expect(termInWords({ type: 'amount', value: 0.1 + 0.2, unit: '万元' })).toBe('0.3万元');
    expect(termInWords({ type: 'date', value: '2022-07-29', unit: 'date' })).toBe('2022年7月29日');
    expect(termInWords({ type: 'amount', value: 10_000_000, unit: '万元' })).toBe('1000亿元');
    expect(termInWords({ type: 'amount_cap', value: 2000, unit: '万元' })).toBe('不超过2000万元');
  });
});

describe('summary', () => {
  it('picks the measures that bind (caps, time limits) before plans, up to five, in document order', () => {
    const measures = measuresOf('000');
    const key = pickKeyMeasures(measures);
    expect(key.length).toBe(5);
    expect(key.map((m) => m.seq)).toEqual([...key.map((m) => m.seq)].sort((a, b) => a - b));
    expect(key.map((m) => m.heading)).toContain('提高间接费用比例');
    expect(key.map((m) => m.heading)).toContain('加快经费拨付进度');
    // Measures whose only term is the notice's date are never key measures.
    for (const m of key) expect(m.terms.some((t) => t.type !== 'date')).toBe(true);
  });

  it('opens with date, issuer, title and number, then one line per key measure with its terms', () => {
    const key = pickKeyMeasures(measuresOf('000'));
    const summary = composeDigestSummary(
      {
        title: '关于改革完善市级财政科研经费管理若干措施的通知',
        issuer: '重庆市人民政府办公厅',
        issuedOn: '2022-08-13',
        documentNumber: '渝府办发〔2022〕87号',
      },
      key,
    );
    const [lead, ...lines] = summary.split('\n');
    expect(lead).toBe(
      '2022年8月13日，重庆市人民政府办公厅印发《关于改革完善市级财政科研经费管理若干措施的通知》（渝府办发〔2022〕87号），提出：',
    );
    expect(lines).toHaveLength(key.length);
    expect(lines.find((l) => l.includes('提高间接费用比例'))).toContain('不超过40%（200万元及以下部分）');
    expect(lines[0]).toMatch(/^1\. /);
  });

  it('does not repeat an issuer the title already begins with, and ends plainly without measures', () => {
    const s = composeDigestSummary(
      { title: '商务部等13部门关于促进绿色智能家电消费若干措施的通知', issuer: '商务部等13部门', issuedOn: null, documentNumber: null },
      [],
    );
    expect(s).toBe('商务部等13部门关于促进绿色智能家电消费若干措施的通知。');
  });
});

describe('directions', () => {
  it('finds topics without counting a word inside a longer one', () => {
    expect(topicsOf('加强科研经费管理，推动人工智能场景创新')).toEqual(expect.arrayContaining(['科研经费', '人工智能', '场景创新']));
    expect(topicsOf('加强科研经费管理')).not.toContain('科研');
  });

  it('suggests three distinct directions from the most frequent topics of the headings', () => {
    const measures = measuresOf('000');
    const dirs = suggestDigestDirections([{ title: '政策动态', measures }]);
    expect(dirs).toHaveLength(3);
    expect(new Set(dirs.map((d) => d.title)).size).toBe(3);
    // The bulletin's four notices: green manufacturing and appliances, AI scenarios, research funding.
    expect(dirs.map((d) => /“(.+?)”/.exec(d.text)![1])).toEqual(['绿色', '场景创新', '科研']);
    for (const d of dirs) {
      expect(d.title.length).toBeLessThanOrEqual(24);
      expect(d.title).toContain(/“(.+?)”/.exec(d.text)![1]);
    }
  });

  it('falls back to headings when the measures name no known topic', () => {
    const dirs = suggestDigestDirections([
      {
        title: '关于某事的通知',
        measures: [
          { heading: '简化审批流程', text: '' },
          { heading: '压缩办理时限', text: '' },
        ],
      },
    ]);
    expect(dirs.map((d) => d.title)).toEqual(['简化审批流程', '压缩办理时限']);
  });
});
