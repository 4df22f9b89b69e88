import { describe, expect, it } from 'vitest';
import { defaultSynonyms, SynonymTable } from './synonyms.js';

const terms = (xs: Array<{ term: string }>) => xs.map((x) => x.term);

describe('SynonymTable', () => {
  const t = defaultSynonyms();

  it('expands abbreviations and names both ways', () => {
    expect(terms(t.expand('ai 应用', ['ai']))).toContain('人工智能');
    expect(terms(t.expand('人工智能应用'))).toContain('ai');
    expect(terms(t.expand('llm', ['llm']))).toEqual(expect.arrayContaining(['大模型', '大语言模型']));
  });

  it('relates near-synonyms with a lower weight than equivalents', () => {
    const e = t.expand('视觉检测');
    const mv = e.find((x) => x.term === '机器视觉');
    expect(mv?.weight).toBeCloseTo(0.6);
    const ai = t.expand('ai', ['ai']).find((x) => x.term === '人工智能');
    expect(ai?.weight).toBeCloseTo(0.9);
  });

  it('matches the longest phrase without overlap', () => {
    // 人工智能 is matched as itself; 智能's own relations are not pulled in through it.
    const e = t.expand('人工智能');
    expect(e.every((x) => x.from === '人工智能')).toBe(true);
  });

  it('does not match Latin keys inside other words', () => {
    expect(terms(t.expand('email', ['email']))).not.toContain('人工智能');
  });

  it('maps taxonomy field names to their common terms', () => {
    expect(terms(t.expand('隐私计算'))).toContain('联邦学习');
    expect(terms(t.expand('数字孪生'))).toContain('三维建模');
  });

  it('applies one-way expansions in one direction only', () => {
    expect(terms(t.expand('老人'))).toContain('养老');
    expect(terms(t.expand('摄像头'))).toContain('视觉');
    expect(terms(t.expand('视觉'))).not.toContain('摄像头');
  });

  it('expands a one-character key only where it is a whole word of the query', () => {
    expect(terms(t.expand('旧冰箱谁来收', [], ['旧', '冰箱', '收']))).toContain('回收');
    expect(terms(t.expand('收入怎么算', [], ['收入']))).not.toContain('回收');
    expect(terms(t.expand('谁来收'))).not.toContain('回收');
  });

  it('maps everyday needs to the words policies use', () => {
    expect(terms(t.expand('项目做完剩下的钱怎么处理'))).toContain('结余资金');
    expect(terms(t.expand('小公司缺钱'))).toEqual(expect.arrayContaining(['中小企业', '融资']));
  });

  it('takes operator-managed groups and expansions', () => {
    const s = new SynonymTable();
    s.addGroup(['智改数转', '智能化改造数字化转型'], 'equivalent');
    s.addOneWay(['渝'], ['重庆'], 0.7);
    expect(s.expand('智改数转补贴')).toEqual([{ term: '智能化改造数字化转型', weight: 0.9, from: '智改数转' }]);
    expect(s.lookup('重庆')).toEqual([]);
    expect(s.lookup('渝')).toEqual([{ to: '重庆', weight: 0.7 }]);
  });
});
