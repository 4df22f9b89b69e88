import { describe, expect, it } from 'vitest';
import { SearchEngine } from './engine.js';
import { APP_MATCH_OPTIONS } from './eval/colloquial.js';
import { COLLOQUIAL_PAIRS } from './eval/colloquial-pairs.js';
import { demoCorpus } from './eval/demo-corpus.js';
import { defaultSynonyms } from './synonyms.js';

const terms = (xs: Array<{ term: string }>) => xs.map((x) => x.term);

describe('everyday → official vocabulary', () => {
  const t = defaultSynonyms();

  it('links the everyday words of 工厂里用摄像头找瑕疵 to the official ones, below the query words', () => {
    const e = t.expand('工厂里用摄像头找瑕疵', [], ['工厂', '摄像头', '找', '瑕疵']);
    expect(terms(e)).toEqual(expect.arrayContaining(['缺陷检测', '质检', '机器视觉', '视觉检测', '图像采集', '生产线']));
    expect(e.every((x) => x.weight < 1)).toBe(true);
  });

  it('gives a bare task verb less weight than an everyday noun', () => {
    const e = t.expand('找表面瑕疵', [], ['找', '表面', '瑕疵']);
    expect(e.find((x) => x.term === '缺陷')?.weight).toBeCloseTo(0.6);
    expect(e.find((x) => x.term === '检测')?.weight).toBeCloseTo(0.4);
  });

  it('is left out on request, so its effect can be measured', () => {
    expect(terms(defaultSynonyms({ colloquial: false }).expand('摄像头找瑕疵'))).not.toContain('缺陷');
  });

  it('ranks a listing in the searcher own words above one in official words, and finds both', () => {
    const docs = [
      { id: 'official', title: '汽车零部件表面缺陷视觉检测', text: '依靠人工目检，漏检误检时有发生，希望引入机器视觉缺陷检测系统。' },
      { id: 'literal', title: '钢板表面瑕疵自动识别', text: '冷轧钢板表面有划痕等瑕疵，想用摄像头自动识别。' },
      { id: 'unrelated', title: '社区养老服务平台', text: '为辖区老年人提供助餐、助浴等服务。' },
    ];
    const e = new SearchEngine();
    e.addAll(docs);
    expect(e.search('工厂里用摄像头找瑕疵', { ...APP_MATCH_OPTIONS }).map((h) => h.id)).toEqual(['literal', 'official']);
  });
});

describe('colloquial queries on the demo listings', () => {
  const corpus = demoCorpus();
  const build = (colloquial: boolean) => {
    const e = new SearchEngine({ synonyms: defaultSynonyms({ colloquial }) });
    e.addAll(corpus);
    return e;
  };
  const before = build(false);
  const after = build(true);
  const titleOf = new Map(corpus.map((d) => [d.id, d.title]));
  const top = (e: SearchEngine, q: string, limit = 10) => e.search(q, { ...APP_MATCH_OPTIONS, limit });

  it('工厂里用摄像头找瑕疵 finds the defect-detection listings that 缺陷检测 finds', () => {
    const official = top(after, '缺陷检测', 100).map((h) => h.id);
    const inOfficial = (e: SearchEngine) => top(e, '工厂里用摄像头找瑕疵').filter((h) => official.includes(h.id));
    expect(inOfficial(after).length).toBeGreaterThanOrEqual(7);
    expect(top(after, '工厂里用摄像头找瑕疵').filter((h) => /缺陷|质检|质量检测/.test(titleOf.get(h.id)!)).length).toBeGreaterThanOrEqual(
      6,
    );
    // Without the vocabulary it found next to none of them (the report).
    expect(inOfficial(before).length).toBeLessThan(3);
  });

  it('leaves the ranking of every official query of the dev set as it was', () => {
    for (const pair of COLLOQUIAL_PAIRS) {
      const was = top(before, pair.official, 20).map((h) => [h.id, h.score]);
      expect(
        top(after, pair.official, 20).map((h) => [h.id, h.score]),
        pair.official,
      ).toEqual(was);
    }
  });
});
