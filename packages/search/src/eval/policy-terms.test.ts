import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPolicyTerms, runPolicyTermsEval, scorePolicyTerms, type TermTuple } from './policy-terms.js';

const t = (passageId: string, type: string, value: number | string, unit: string): TermTuple => ({ passageId, type, value, unit });

describe('scorePolicyTerms', () => {
  const passages = [
    { id: 'A-1', source: 'a.txt' },
    { id: 'A-2', source: 'a.txt' },
    { id: 'B-1', source: 'b.txt' },
  ];
  const gold = [
    t('A-1', 'count', '30', '家'),
    t('A-1', 'count', '30.0', '家'),
    t('A-1', 'ratio', '20', '%'),
    t('A-2', 'date', '2024-05', 'date'),
  ];

  it('pools distinct tuples, compares numbers as numbers, and ignores documents without labels', () => {
    const predicted = [
      t('A-1', 'count', 30, '家'),
      t('A-1', 'ratio_cap', 20, '%'),
      t('A-2', 'date', '2024-05', 'date'),
      t('A-2', 'count', 3, '个'),
      t('B-1', 'count', 5, '个'),
    ];
    const s = scorePolicyTerms(passages, gold, predicted);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 2, 1]);
    expect(s.precision).toBeCloseTo(0.5, 10);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.f1).toBeCloseTo(4 / 7, 10);
    expect(s.passages).toBe(2);
    expect(s.perType.count).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.perType.ratio).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(s.perType.ratio_cap).toMatchObject({ tp: 0, fp: 1, precision: 0 });
  });

  it('compares dates as strings and units exactly', () => {
    const s = scorePolicyTerms(passages, gold, [t('A-2', 'date', '2024-5', 'date'), t('A-1', 'count', 30, '个')]);
    expect([s.tp, s.fp, s.fn]).toEqual([0, 2, 3]);
    expect(s.f1).toBe(0);
  });

  it('gives 1 for a perfect prediction, duplicates included', () => {
    const predicted = gold.map((g) => ({ ...g, value: g.type === 'date' ? g.value : Number(g.value) }));
    const s = scorePolicyTerms(passages, gold, [...predicted, ...predicted]);
    expect([s.tp, s.fp, s.fn, s.f1]).toEqual([3, 0, 0, 1]);
  });
});

describe('runPolicyTermsEval', () => {
  it('extracts from the passages of a data folder and scores them against policy_terms.tsv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-terms-'));
    expect(hasPolicyTerms(dir)).toBe(false);
    writeFileSync(
      join(dir, 'policy_terms.tsv'),
      'passage_id\ttype\tvalue\tunit\tqualifier\tspan\nP-1\tcount\t120\t家\t\t120家\nP-1\ttarget_year\t2030\t年\t\t到2030年\n',
    );
    const passages = [
      { id: 'P-1', source: 'p.txt', title: '目标', text: '到2030年，培育企业120家，建设平台8个。' },
      { id: 'P-2', source: 'p.txt', title: '保障', text: '加强组织领导。' },
    ];
    const r = runPolicyTermsEval(dir, passages);
    expect(hasPolicyTerms(dir)).toBe(true);
    expect([r.tp, r.fp, r.fn]).toEqual([2, 1, 0]);
    expect(r.falsePositives).toEqual(['P-1\tcount\t8\t个']);
  });
});
