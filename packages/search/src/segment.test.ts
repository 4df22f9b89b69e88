import { describe, expect, it } from 'vitest';
import { charBigrams, latinTokens, Segmenter, defaultSegmenter } from './segment.js';
import { normalizeText } from './normalize.js';

const seg = defaultSegmenter();

describe('Segmenter with the domain dictionary', () => {
  it('keeps domain terms whole in real sentences from the seeds', () => {
    // shared/seeds/000: 指导意见 第11条 and the document title.
    const a = seg.cut('鼓励地方政府、央企、行业领军企业通过“揭榜挂帅”、联合创新、优秀场景推介等方式促进场景供需双方对接合作。');
    expect(a).toContain('揭榜挂帅');
    const b = seg.cut('关于加快场景创新以人工智能高水平应用促进经济高质量发展的指导意见');
    expect(b).toContain('场景创新');
    expect(b).toContain('人工智能');
    // shared/seeds/003: the Chongqing "AI+" plan.
    const c = seg.cut(
      '围绕脑机接口、具身智能、智能芯片、行业大模型等领域开展关键核心技术攻关，加强AI与智能网联汽车、智能制造、低空经济等领域技术协同创新',
    );
    for (const t of ['脑机接口', '具身智能', '低空经济', '智能网联汽车']) expect(c).toContain(t);
    expect(seg.cut('深化大数据、人工智能、5G、工业互联网、数字孪生等新一代信息技术应用')).toContain('数字孪生');
  });

  it('jieba alone splits those terms (the dictionary is doing the work)', () => {
    const plain = new Segmenter({ domainDictionary: false });
    expect(plain.cut('揭榜挂帅')).not.toContain('揭榜挂帅');
    expect(plain.cut('具身智能')).not.toContain('具身智能');
  });

  it('indexes search-mode sub-words and dictionary terms that the best cut crosses', () => {
    const w = seg.words('汽车零部件表面缺陷机器视觉检测');
    expect(w).toEqual(expect.arrayContaining(['汽车零部件', '零部件', '表面缺陷', '缺陷', '机器视觉', '视觉检测', '视觉']));
  });

  it('normalises full-width forms and case', () => {
    expect(normalizeText('ＡＩ＋５Ｇ，ＡＲ／ＶＲ')).toBe('ai+5g,ar/vr');
    expect(seg.words('ＡＩ')).toEqual(['ai']);
  });

  it('handles mixed Chinese, English and number tokens', () => {
    const w = seg.words('5G专网与AR/VR应用，技术成熟度TRL7，到2025年投资20亿元，30 日内拨付');
    expect(w).toEqual(expect.arrayContaining(['5g', 'ar/vr', 'ar', 'vr', 'trl7', 'trl', '2025年', '2025', '20亿', '30日', '技术成熟度']));
    expect(latinTokens('igbt、mosfet')).toEqual(['igbt', 'mosfet']);
    expect(latinTokens('提取不超过20%')).toEqual(['20', '20%']);
  });

  it('drops stop words from word tokens but keeps them in bigrams', () => {
    const w = seg.words('我们想了解一下人工智能的应用');
    expect(w).not.toContain('的');
    expect(w).not.toContain('我们');
    expect(w).toContain('人工智能');
    expect(charBigrams('能的应')).toEqual(['能的', '的应']);
  });

  it('adds operator terms at run time', () => {
    const s = new Segmenter();
    expect(s.cut('发展星载量子通信载荷')).not.toContain('量子通信载荷');
    s.addTerms(['量子通信载荷']);
    expect(s.cut('发展星载量子通信载荷')).toContain('量子通信载荷');
    expect(s.words('量子通信载荷研制')).toContain('量子通信载荷');
  });

  it('gives content words once each, without search-mode sub-words', () => {
    const w = seg.contentWords('城市轨道交通车辆传感器故障预测');
    expect(w).toContain('传感器');
    expect(w).not.toContain('感器');
    expect(w.filter((x) => x === '传感器')).toHaveLength(1);
    expect(seg.contentWords('能不能用5G专网')).toEqual(expect.arrayContaining(['5g专网', '5g']));
  });
});
