import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SearchEngine, type SearchDocument } from './engine.js';
import { SynonymTable } from './synonyms.js';

const docs: SearchDocument<{ sector: string }>[] = [
  {
    id: 'qc',
    title: '汽车零部件表面缺陷机器视觉检测',
    text: '目前主要依靠人工目检，漏检、误检时有发生，希望引入在线智能检测系统。',
    fields: { sector: 'manufacturing' },
  },
  {
    id: 'ai-policy',
    title: '关于加快场景创新的指导意见',
    text: '以人工智能高水平应用促进经济高质量发展，鼓励通过揭榜挂帅方式促进场景供需对接。',
    fields: { sector: 'city' },
  },
  {
    id: 'xr',
    title: '文博数字化沉浸式体验',
    text: '利用AR/VR技术打造沉浸式展陈，支持VR头显与大屏多终端。',
    fields: { sector: 'culture_tourism' },
  },
  { id: 'vr-only', title: '虚拟仿真实训基地', text: '建设VR实训中心，实现高危实训项目沉浸式教学。', fields: { sector: 'education' } },
  { id: 'trl', title: '成果转化项目', text: '技术成熟度达到TRL7，已完成中试验证。', fields: { sector: 'science' } },
  { id: 'fund', title: '加快经费拨付进度', text: '项目任务书签订后 30 日内，将经费拨付至项目承担单位。', fields: { sector: 'science' } },
  {
    id: 'car',
    title: '智能网联新能源汽车',
    text: '力争到 2025 年全市智能网联新能源汽车产量达到 100 万辆。',
    fields: { sector: 'manufacturing' },
  },
  { id: 'elder', title: '居家智能监测', text: '为老年人家庭部署非接触式监测设备，实现跌倒自动报警。', fields: { sector: 'elderly_care' } },
  {
    id: 'noise1',
    title: '绿色智能家电下乡',
    text: '鼓励家电生产和流通企业开发适应农村市场特点的绿色智能家电产品。',
    fields: { sector: 'home' },
  },
  { id: 'noise2', title: '智慧停车', text: '建设全域停车数据平台，实现泊位感知、共享预约和无感支付。', fields: { sector: 'traffic' } },
];

function engine(opts: ConstructorParameters<typeof SearchEngine>[0] = {}) {
  const e = new SearchEngine<{ sector: string }>(opts);
  e.addAll(docs);
  return e;
}

describe('SearchEngine', () => {
  const e = engine();

  it('ranks the document that contains the query terms first, with matched terms', () => {
    const hits = e.search('机器视觉 缺陷检测');
    expect(hits[0]!.id).toBe('qc');
    expect(hits[0]!.matchedTerms).toEqual(expect.arrayContaining(['机器视觉', '缺陷']));
  });

  it('boosts the title over the text (BM25F)', () => {
    const t = new SearchEngine({ synonyms: null, bigramWeight: 0 });
    t.addAll([
      { id: 'body', title: '园区综合能源管理', text: '建设储能电站和光伏，开展储能调度。' },
      { id: 'title', title: '储能电站智能调度', text: '园区综合能源管理平台建设。' },
    ]);
    expect(t.search('储能').map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('weights rare terms above common ones (idf)', () => {
    const t = new SearchEngine({ synonyms: null, bigramWeight: 0 });
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, text: `平台建设第${i}期，平台运行。` }));
    t.addAll([...many, { id: 'rare', text: '脑机接口康复训练' }, { id: 'common', text: '平台建设平台建设平台' }]);
    expect(t.search('脑机接口 平台')[0]!.id).toBe('rare');
  });

  it('expands synonyms with a lower weight: AI finds 人工智能', () => {
    const hits = e.search('AI 场景');
    expect(hits[0]!.id).toBe('ai-policy');
    expect(hits[0]!.matchedSynonyms).toContainEqual({ term: '人工智能', from: 'ai' });
    const noExp = e.search('AI', { expand: false, nearMiss: false });
    expect(noExp.map((h) => h.id)).not.toContain('ai-policy');
  });

  it('finds near misses through character bigrams', () => {
    // 机器视绝 (typo) and 揭榜挂师 (typo) share bigrams with the right words.
    expect(e.search('机器视绝检测')[0]!.id).toBe('qc');
    expect(e.search('揭榜挂师')[0]!.id).toBe('ai-policy');
    const withBigrams = e.search('揭榜挂师')[0]!;
    const wordsOnly = e.search('揭榜挂师', { nearMiss: false })[0]!;
    expect(withBigrams.matchedBigrams).toBeGreaterThan(0);
    expect(withBigrams.score).toBeGreaterThan(wordsOnly.score);
  });

  it('matches mixed Latin, Chinese and numbers', () => {
    const xr = e.search('AR/VR').map((h) => h.id);
    expect(xr[0]).toBe('xr');
    expect(xr).toContain('vr-only');
    expect(e.search('TRL7')[0]!.id).toBe('trl');
    expect(e.search('TRL 7')[0]!.id).toBe('trl');
    expect(e.search('2025年 汽车产量')[0]!.id).toBe('car');
    expect(e.search('30日内拨付')[0]!.id).toBe('fund');
    expect(e.search('ＡＲ／ＶＲ')[0]!.id).toBe('xr');
  });

  it('uses everyday words through one-way expansions', () => {
    expect(e.search('老人在家摔倒了怎么办')[0]!.id).toBe('elder');
  });

  it('filters, limits, updates and removes', () => {
    const t = engine();
    expect(t.search('智能', { filter: (d) => d.fields?.sector === 'home' }).map((h) => h.id)).toEqual(['noise1']);
    expect(t.search('智能', { limit: 2 })).toHaveLength(2);
    t.add({ id: 'noise2', title: '智慧停车', text: '脑机接口' });
    expect(t.search('脑机接口')[0]!.id).toBe('noise2');
    expect(t.size).toBe(docs.length);
    expect(t.remove('noise2')).toBe(true);
    expect(t.search('脑机接口').map((h) => h.id)).not.toContain('noise2');
    expect(t.size).toBe(docs.length - 1);
    t.compact();
    expect(t.search('停车').map((h) => h.id)).not.toContain('noise2');
  });

  it('returns nothing for an empty or stop-word-only query', () => {
    expect(engine({ bigramWeight: 0 }).search('的了吗')).toEqual([]);
    expect(e.search('')).toEqual([]);
  });

  it('takes an operator synonym table', () => {
    const syn = new SynonymTable();
    syn.addGroup(['银发族', '老年人'], 'near');
    const t = engine({ synonyms: syn });
    expect(t.search('银发族')[0]!.id).toBe('elder');
  });

  it('scores deterministically and agrees with a direct BM25 computation', () => {
    const t = new SearchEngine({ synonyms: null, bigramWeight: 0, titleBoost: 1 });
    t.addAll([
      { id: 'a', text: '储能 储能 光伏' },
      { id: 'b', text: '光伏 电站 建设 运营' },
      { id: 'c', text: '电站 建设' },
    ]);
    const seg = t.segmenter;
    const lens = ['储能 储能 光伏', '光伏 电站 建设 运营', '电站 建设'].map((s) => seg.words(s).length);
    const avg = lens.reduce((x, y) => x + y, 0) / 3;
    const k1 = 1.2,
      b = 0.75,
      N = 3;
    const idf = (df: number) => Math.log(1 + (N - df + 0.5) / (df + 0.5));
    const part = (tf: number, len: number, df: number) => {
      const x = tf / (1 - b + (b * len) / avg);
      return (idf(df) * (k1 + 1) * x) / (k1 + x);
    };
    const hits = t.search('储能 光伏');
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeCloseTo(part(2, lens[0]!, 1) + part(1, lens[0]!, 2), 4);
    expect(hits[1]!.score).toBeCloseTo(part(1, lens[1]!, 2), 4);
  });
});

describe('SearchEngine hit set', () => {
  const e = engine();

  it('collect sees every hit that passes the filter, not only the top k', () => {
    const seen: string[] = [];
    const top = e.search('智能', { limit: 1, collect: (h) => seen.push(h.id), filter: (d) => d.fields?.sector !== 'home' });
    expect(top).toHaveLength(1);
    expect(seen).not.toContain('noise1');
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toContain(top[0]!.id);
  });

  it('minBigramCoverage drops documents that share only a stray character pair', () => {
    const t = new SearchEngine({ synonyms: null });
    t.addAll([
      { id: 'vision', title: '机器视觉质检', text: '产线外观缺陷检测。' },
      { id: 'stray', title: '实验仪器视频监控', text: '实验室安全管理。' },
    ]);
    const loose = t.search('机器视党', { limit: 10 }); // a typo of 机器视觉
    const stray = loose.find((h) => h.id === 'stray');
    expect(stray?.matchedTerms).toEqual([]);
    expect(stray?.matchedBigrams).toBe(1);
    expect(t.search('机器视党', { limit: 10, minBigramCoverage: 0.5 }).map((h) => h.id)).toEqual(['vision']);
  });

  it('single characters find the compound a document uses, but need bigram coverage when it is asked for', () => {
    const t = new SearchEngine({ synonyms: null });
    t.addAll([
      { id: 'pigs', title: '生猪养殖智能巡检', text: '轨道式巡检机器人识别病猪。' },
      { id: 'energy', title: '园区综合能源管理', text: '储能电站调度。' },
      { id: 'parking', title: '智慧停车', text: '泊位感知与无感支付。' },
      { id: 'school', title: '智慧校园', text: '课堂教学与作业批改。' },
      { id: 'water', title: '水质监测', text: '河流断面自动监测站。' },
    ]);
    // 猪场 shares no word and no bigram with the first document, only the character 猪.
    const hits = t.search('猪场', { limit: 10 });
    expect(hits.map((h) => h.id)).toEqual(['pigs']);
    expect(hits[0]!.matchedTerms).toEqual([]);
    expect(hits[0]!.matchedBigrams).toBe(0);
    expect(t.search('猪场', { limit: 10, minBigramCoverage: 0.5 })).toEqual([]);
    expect(t.search('猪场', { limit: 10, nearMiss: false })).toEqual([]);
  });

  it('forEach and fieldsOf read the stored fields', () => {
    let n = 0;
    e.forEach(() => n++);
    expect(n).toBe(docs.length);
    expect(e.fieldsOf('xr')).toEqual({ sector: 'culture_tourism' });
    expect(e.fieldsOf('nope')).toBeUndefined();
  });
});

describe('SearchEngine hit-set cuts', () => {
  const t = new SearchEngine({ synonyms: null });
  t.addAll([
    { id: 'vision', title: '机器视觉质检', text: '产线外观缺陷检测，机器视觉替代人工目检。' },
    { id: 'weak', title: '园区管理平台', text: '平台支持设备检测数据接入。' },
    { id: 'stray', title: '实验仪器视频监控', text: '实验室安全管理。' },
    // Unrelated listings, so that the characters of the typo below are rare enough to be indexed.
    ...['智慧停车诱导', '农田灌溉调度', '医院门诊导诊', '社区养老服务', '河道水质监测', '城市照明节能'].map((title, i) => ({
      id: `other${i}`,
      title,
      text: `${title}平台建设。`,
    })),
  ]);

  it('preferWordMatches drops character-only matches when some document matches a word', () => {
    const ids = t.search('机器视觉 检测', { limit: 10, collect: () => undefined, preferWordMatches: true }).map((h) => h.id);
    expect(ids).toContain('vision');
    expect(ids).not.toContain('stray');
  });

  it('preferWordMatches falls back to near misses when no word matches', () => {
    // 缺限检侧: a typo of 缺陷检测, no word of it is indexed.
    expect(
      t
        .queryTerms('缺限检侧')
        .filter((q) => q.source !== 'bigram')
        .every((q) => !t.idfOf(q.term)),
    ).toBe(true);
    expect(t.search('缺限检侧', { limit: 10, preferWordMatches: true }).map((h) => h.id)).toContain('vision');
  });

  it('minRelativeScore keeps the hits close to the best one', () => {
    const all = t.search('机器视觉 检测', { limit: 10 });
    const best = all[0]!.score;
    const cut = t.search('机器视觉 检测', { limit: 10, minRelativeScore: 0.5 });
    expect(cut.length).toBeLessThan(all.length);
    for (const h of cut) expect(h.score).toBeGreaterThanOrEqual(best * 0.5);
  });
});

describe('SearchEngine word-first scoring', () => {
  // Short texts from a small vocabulary, so that words, bigrams and single characters overlap
  // in every way between documents and queries.
  const PIECES = [
    '机器视觉',
    '缺陷检测',
    '视觉',
    '检测',
    '巡检机器人',
    '机器人',
    '智能客服',
    '客服',
    '养老',
    '社区养老服务',
    '猪场',
    '生猪养殖',
    '冷链物流',
    '物流',
    '平台',
  ];
  const arbDoc = fc.record({
    title: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((x) => x.join('')),
    text: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((x) => x.join('，')),
  });

  it('gives the same hits with the same scores (to the last bit) as scoring every term for every document', () => {
    fc.assert(
      fc.property(
        fc.array(arbDoc, { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...PIECES, '机器视党', '猪', '收'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0, 0.15, 0.5),
        fc.array(fc.nat(40), { maxLength: 5 }),
        fc.boolean(),
        (corpus, words, share, removed, nearMiss) => {
          const e = new SearchEngine({ synonyms: null });
          e.addAll(corpus.map((d, i) => ({ id: `d${i}`, ...d })));
          for (const r of removed) e.remove(`d${r}`);
          const q = words.join(' ');
          const got = e.search(q, { limit: 1000, preferWordMatches: true, minRelativeScore: share, minBigramCoverage: 0.5, nearMiss });
          // The definition: every hit of an uncut search, then the word preference and the relative cut.
          const all = e.search(q, { limit: 1000, minBigramCoverage: 0.5, nearMiss });
          const byWord = all.filter((h) => h.matchedTerms.length + h.matchedSynonyms.length > 0);
          const pool = byWord.length > 0 ? byWord : all;
          const best = Math.max(0, ...pool.map((h) => h.score));
          const want = share > 0 ? pool.filter((h) => h.score >= best * share) : pool;
          expect(got.every((h) => h.score > 0)).toBe(true);
          expect(got.map((h) => [h.id, h.score])).toEqual(want.map((h) => [h.id, h.score]));
          // A search leaves nothing behind in the engine's buffers for the next one.
          const again = e.search(q, { limit: 1000, preferWordMatches: true, minRelativeScore: share, minBigramCoverage: 0.5, nearMiss });
          expect(again.map((h) => [h.id, h.score])).toEqual(got.map((h) => [h.id, h.score]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
