import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPolicyTerms } from './extract.js';
import { POLICY_TERM_TYPES, type PolicyTermType } from './types.js';

/** The scored part of each term: type, value, unit. */
const terms = (text: string) => extractPolicyTerms(text).map((t) => [t.type, t.value, t.unit]);

describe('extractPolicyTerms: one sentence per type', () => {
  const cases: Array<[PolicyTermType, string, number | string, string]> = [
    ['ratio_cap', '管理费按不超过直接费用的15%核定。', 15, '%'],
    ['amount_cap', '对认定的示范工厂最高给予50万元奖励。', 50, '万元'],
    ['amount', '设立3000万元产业引导基金。', 3000, '万元'],
    ['ratio', '规上企业研发机构覆盖率达到40%以上。', 40, '%'],
    ['count_cap', '每家单位申报项目不超过2项。', 2, '项'],
    ['count', '新培育科技型企业1200家。', 1200, '家'],
    ['time_limit', '收到申请材料之日起20个工作日内办结。', 20, '工作日'],
    ['period', '补贴期限为三年。', 3, '年'],
    ['target_year', '力争到2030年建成创新高地。', 2030, '年'],
    ['date', '本办法自2024年9月1日起施行。', '2024-09-01', 'date'],
    ['age_limit', '申报人年龄不超过35周岁。', 35, '周岁'],
  ];

  it('covers every type of the contract', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(POLICY_TERM_TYPES));
  });

  it.each(cases)('%s: %s', (type, text, value, unit) => {
    expect(terms(text)).toEqual([[type, value, unit]]);
  });
});

describe('normalisation', () => {
  it('puts money in 万元 from 元 and 亿元', () => {
    expect(terms('全年技术合同成交额12.5亿元，单笔奖励8000元。')).toEqual([
      ['amount', 125_000, '万元'],
      ['amount', 0.8, '万元'],
    ]);
  });

  it('multiplies 万 and 亿 out in counts and keeps a rate denominator', () => {
    expect(terms('年产新能源汽车30 万辆，晶圆产能2万片/月，服务1.2万余人次。')).toEqual([
      ['count', 300_000, '辆'],
      ['count', 20_000, '片/月'],
      ['count', 12_000, '人次'],
    ]);
  });

  it('reads money written without 元 only where the clause is about money', () => {
    expect(terms('营业收入突破300亿，服务人口1.5亿。')).toEqual([['amount', 3_000_000, '万元']]);
  });

  it('keeps compound measure words whole', () => {
    expect(terms('举办路演活动40场次，服务企业1500家次。')).toEqual([
      ['count', 40, '场次'],
      ['count', 1500, '家次'],
    ]);
  });

  it('reads a per-capita count as a rate', () => {
    expect(terms('每万人口高价值发明专利拥有量达到12件。')).toEqual([['count', 12, '件/万人']]);
  });

  it('keeps 名 and 人 apart and reads Chinese numerals', () => {
    expect(terms('引进博士后二十名，柔性引进专家一百二十人。')).toEqual([
      ['count', 20, '名'],
      ['count', 120, '人'],
    ]);
  });

  it('gives one row per end of a range, with the unit and multiplier of the high end', () => {
    expect(terms('每个园区建设3—5个公共平台，单个项目支持200-300万元。')).toEqual([
      ['count', 3, '个'],
      ['count', 5, '个'],
      ['amount', 200, '万元'],
      ['amount', 300, '万元'],
    ]);
    expect(terms('在今后两到三年里持续投入。')).toEqual([
      ['period', 2, '年'],
      ['period', 3, '年'],
    ]);
  });

  it('keeps the stated number of hedges and open bounds, with the plain type', () => {
    expect(terms('带动就业近800人，新增专利30余件，孵化企业50家以上，突破60%。')).toEqual([
      ['count', 800, '人'],
      ['count', 30, '件'],
      ['count', 50, '家'],
      ['ratio', 60, '%'],
    ]);
    expect(terms('参与单位超百家，入驻企业不少于20家。')).toEqual([
      ['count', 100, '家'],
      ['count', 20, '家'],
    ]);
  });

  it('tells caps from plain values by the bound word', () => {
    expect(terms('奖励金额最多30万元；补助比例20%以内；每人次补贴不超过5000元。')).toEqual([
      ['amount_cap', 30, '万元'],
      ['ratio_cap', 20, '%'],
      ['amount_cap', 0.5, '万元'],
    ]);
    expect(terms('每户限购2台，由某某有限公司等4家承办。')).toEqual([
      ['count_cap', 2, '台'],
      ['count', 4, '家'],
    ]);
    expect(terms('营业收入2000万元以下的企业，补助3项以内。')).toEqual([
      ['amount', 2000, '万元'],
      ['count_cap', 3, '项'],
    ]);
    expect(terms('投资额超过5000万元的项目，配套资金不低于30%。')).toEqual([
      ['amount', 5000, '万元'],
      ['ratio', 30, '%'],
    ]);
  });

  it('reads half a year, months and working days', () => {
    expect(terms('试运行半年，公示期5个工作日，整改期限六个月。')).toEqual([
      ['period', 0.5, '年'],
      ['period', 5, '工作日'],
      ['period', 6, '月'],
    ]);
  });

  it('counts a window from a named event as a time limit, and a bare duration as a period', () => {
    expect(terms('合同签订后10日内拨付；闲置超过三年的设备予以调剂。')).toEqual([
      ['time_limit', 10, '日'],
      ['period', 3, '年'],
    ]);
  });

  it('gives each tier of a tiered rule a ratio_cap with its bounds, and the bounds no amount', () => {
    const found = extractPolicyTerms('100万元以下的部分为25%，100万元至400万元的部分为18%，超过400万元的部分，按12%核定。');
    expect(found.map((t) => [t.type, t.value, t.qualifier])).toEqual([
      ['ratio_cap', 25, 'tier:0-100'],
      ['ratio_cap', 18, 'tier:100-400'],
      ['ratio_cap', 12, 'tier:400-'],
    ]);
  });
});

describe('dates and target years', () => {
  it('writes full dates, year-month dates and dates without a year', () => {
    expect(terms('2023年11月8日发布，2024年3月上线，报名截止到6月30日。')).toEqual([
      ['date', '2023-11-08', 'date'],
      ['date', '2024-03', 'date'],
      ['date', '--06-30', 'date'],
    ]);
    expect(terms('二〇二四年十二月二十日印发')).toEqual([['date', '2024-12-20', 'date']]);
    expect(terms('博览会于9月3日至6日举办，每月10日前报送。')).toEqual([['date', '--09-03', 'date']]);
    expect(terms('每年11月30日前报送')).toEqual([['date', '--11-30', 'date']]);
    expect(terms('申报系统于2024-05-06开放')).toEqual([['date', '2024-05-06', 'date']]);
  });

  it('reads target years after 到/至 and before 前, and the last year of a running-text range', () => {
    expect(terms('到2026年底，完成改造；2028年前全面建成。')).toEqual([
      ['target_year', 2026, '年'],
      ['target_year', 2028, '年'],
    ]);
    expect(terms('规划期为2024—2028年，分步实施。')).toEqual([['target_year', 2028, '年']]);
    expect(terms('争取2029年全面完成，2027年前沿领域取得突破。')).toEqual([['target_year', 2029, '年']]);
  });

  it('ignores a document title’s year range, bare years that date a fact, and 截至', () => {
    expect(terms('印发《数字经济发展方案（2023—2027年）》。2022年全市生产总值增长。截至2023年底，已建成。')).toEqual([]);
    expect(terms('企业数量从2021年的120家增长到2023年的300家。')).toEqual([
      ['count', 120, '家'],
      ['count', 300, '家'],
    ]);
  });
});

describe('what is not a term', () => {
  it.each([
    ['numbering', '1.加强组织领导。二是完善政策体系。（三）强化保障。'],
    ['5G and versions', '推进5G网络和工业4.0建设。'],
    ['quoted names and codes', '落实“十四五”规划，构建“4+6+N”产业体系和“两个中心”布局。'],
    ['document numbers', '根据《通知》（渝府发〔2022〕18号）要求。'],
    ['grades, levels and ranks', '获一等奖，达到三级水平，排名进入前10名，列全国第5位。'],
    ['the issuing group', '科技部等五部门联合印发，工信部等12个部门参与。'],
    ['area, height, storage and wafer size', '占地120亩，建筑面积3万平方米，高度80米，存储容量500TB，12英寸晶圆。'],
    ['orders of magnitude', '打造千亿级产业集群和百亿级企业。'],
    ['a list written out beside its count', '做强汽车、电子和材料3个支柱产业，建设五个创新基地，从6个方面提出意见。'],
    ['ordinals and meeting sessions', '这是第二个五年，区委三届五次全会召开，坚持三位一体。'],
    ['plan names', '实施三年行动计划，编制五年规划，举办一年一度的博览会。'],
    ['parts of the calendar year', '上半年全市工业增速回升。'],
    ['vague amounts and articles', '建设一批平台，吸引数十家企业，千方百计推进。'],
  ])('%s', (_why, text) => {
    expect(terms(text)).toEqual([]);
  });
});

describe('spans', () => {
  const templates = [
    '培育企业{n}家',
    '最高补助{n}万元',
    '比例不超过{n}%',
    '到{y}年建成',
    '签订后{n}日内拨付',
    '引进人才{n}人以上',
    '建设{n}—{m}个基地',
    '资助{n}元',
    '{y}年{mo}月{d}日起施行',
  ];
  const filler = fc.constantFrom('', '。', '为加快发展，', '全市上下，', '（二）强化保障。');
  const sentence = fc
    .record({
      template: fc.constantFrom(...templates),
      n: fc.integer({ min: 2, max: 99_999 }),
      y: fc.integer({ min: 2000, max: 2060 }),
      mo: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      before: filler,
      after: filler,
    })
    .map((r) => {
      const body = r.template
        .replace('{n}', String(r.n))
        .replace('{m}', String(r.n + 3))
        .replace('{y}', String(r.y))
        .replace('{mo}', String(r.mo))
        .replace('{d}', String(r.d));
      return { text: r.before + body + r.after, numbers: [r.n, r.y].map(String) };
    });

  it('every span reproduces a substring of the text that contains the number', () => {
    fc.assert(
      fc.property(sentence, ({ text, numbers }) => {
        const found = extractPolicyTerms(text);
        expect(found.length).toBeGreaterThan(0);
        for (const t of found) {
          expect(t.span.start).toBeGreaterThanOrEqual(0);
          expect(t.span.end).toBeLessThanOrEqual(text.length);
          expect(numbers.some((n) => text.slice(t.span.start, t.span.end).includes(n))).toBe(true);
        }
      }),
    );
  });

  it('never throws and keeps spans inside the text on arbitrary input', () => {
    const chars = fc.constantFrom(...'0123456789一二两十百千万亿半年月日个家项%元万元，。、—到至不超过最高以上第“”（）'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (cs) => {
        const text = cs.join('');
        for (const t of extractPolicyTerms(text)) {
          expect(t.span.start).toBeLessThan(t.span.end);
          expect(t.span.end).toBeLessThanOrEqual(text.length);
          expect(/[0-9零〇一二两三四五六七八九十百千万亿半]/.test(text.slice(t.span.start, t.span.end))).toBe(true);
        }
      }),
    );
  });
});
