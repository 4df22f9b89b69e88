import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../engine.js';
import { defaultSegmenter } from '../segment.js';
import { isFragment, isFunctionWord, isKeyTermCandidate, isNumberLike, keyTerms } from './key-terms.js';
import { rankMatchTargets, type MatchFields } from './rank.js';

const seg = defaultSegmenter();

describe('what can be a key term', () => {
  it('numbers and quantities are not; technology names with a digit are', () => {
    for (const t of ['4', '40', '0.1mm', '4条', '2025年', '20亿', '30%', '两千', '二十多', '220kv']) expect(isNumberLike(t)).toBe(true);
    for (const t of ['5g', '4k', '3d', '机器视觉', '一体化']) expect(isNumberLike(t)).toBe(false);
  });

  it('fragments are not: a character plus a locative, or a dictionary word with a stray character', () => {
    expect(isFragment(seg, '厂里')).toBe(true);
    expect(isFragment(seg, '条产线')).toBe(true);
    for (const t of ['工厂', '产线', '机器视觉', '缺陷检测']) expect(isFragment(seg, t)).toBe(false);
  });

  it('function words are not', () => {
    for (const t of ['我们', '这边', '以及', '之间', '目前']) expect(isFunctionWord(seg, t)).toBe(true);
    for (const t of ['相机', '缺陷', '质检', '平台']) expect(isKeyTermCandidate(seg, t)).toBe(true);
  });

  it('the key terms of any text hold no number, fragment or function word, and each is a word of the text', () => {
    const pieces = [
      '新厂里',
      '4条产线',
      '外观缺陷',
      '0.1mm',
      '我们',
      '这边',
      '机器视觉',
      '质检',
      '2025年',
      '两千多',
      '的',
      '5g',
      '以及',
      '油菜',
      '育种',
      '船舶',
      '航行',
      '，',
      '。',
    ];
    const engine = new SearchEngine();
    engine.addAll(
      ['机器视觉外观缺陷质检', '油菜育种', '船舶航行调度', '5g专网', '工厂产线改造'].map((t, i) => ({ id: `d${i}`, title: t, text: t })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 5 }),
        (body, title) => {
          const text = body.join('');
          const words = new Set([...seg.words(text), ...seg.words(title.join(''))]);
          for (const k of keyTerms(engine, title.join(''), text)) {
            expect(isNumberLike(k.term)).toBe(false);
            expect(isFragment(seg, k.term)).toBe(false);
            expect(isFunctionWord(seg, k.term)).toBe(false);
            expect(words.has(k.term)).toBe(true);
            expect(k.weight).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ranked matches', () => {
  const f = (o: Partial<MatchFields>): MatchFields => ({
    listType: 'capability',
    sector: null,
    sectors: ['manufacturing'],
    techFields: ['computer_vision'],
    regionCode: '500112',
    budgetMin: null,
    budgetMax: null,
    maturityTrl: 8,
    ...o,
  });

  it('shows as shared only key terms of the source, none inside a longer one shown, sorted by score', () => {
    const engine = new SearchEngine<MatchFields>();
    engine.addAll([
      { id: 'c1', title: '机器视觉外观缺陷检测', text: '产线上4台相机检测零件表面划痕，厂里部署过', fields: f({}) },
      { id: 'c2', title: '油菜生物育种', text: '4个品种，厂里试种', fields: f({ sectors: ['agriculture'], techFields: ['robotics'] }) },
      { id: 'c3', title: '船舶航行辅助', text: '船舶航行避碰', fields: f({ sectors: ['transport'], techFields: ['autonomous_driving'] }) },
    ]);
    const need = f({ listType: 'scenario_need', sector: 'manufacturing', sectors: [], maturityTrl: null });
    const text = { title: '新工厂零件外观缺陷检测', text: '厂里4条产线的零件表面有划痕，想用机器视觉代替人工目检' };
    const keys = new Set(keyTerms(engine, text.title, text.text).map((k) => k.term));
    const ranked = rankMatchTargets(engine, need, text, { filter: () => true });
    expect(ranked[0]!.id).toBe('c1');
    for (const r of ranked) {
      for (const t of r.shared) expect(keys.has(t)).toBe(true);
      expect(r.shared).not.toContain('4');
      expect(r.shared).not.toContain('厂里');
      // None shown inside a longer one shown (视觉 beside 机器视觉 says nothing new).
      for (const t of r.shared) expect(r.shared.some((u) => u !== t && u.includes(t))).toBe(false);
    }
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.match.score).toBeGreaterThanOrEqual(ranked[i]!.match.score);
  });
});
