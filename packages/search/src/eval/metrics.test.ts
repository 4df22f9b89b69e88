import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { microSetScores, ndcgAt, recallAt, sectorScores } from './metrics.js';
import { parseTsv, TsvError } from './tsv.js';
import { runEval, splitItemText, toJson } from './run.js';

describe('nDCG@10 and Recall@10', () => {
  const judged = new Map([
    ['a', 2],
    ['b', 1],
    ['c', 1],
  ]);

  it('is 1 for the ideal ranking', () => {
    expect(ndcgAt(['a', 'b', 'c', 'x'], judged)).toBeCloseTo(1, 10);
    expect(ndcgAt(['a', 'c', 'b'], judged)).toBeCloseTo(1, 10);
  });

  it('uses gain 2^g − 1 and a log2 discount', () => {
    // ranking x, a, b: DCG = 0 + 3/log2(3) + 1/log2(4); ideal = 3 + 1/log2(3) + 1/2
    const dcg = 3 / Math.log2(3) + 1 / 2;
    const idcg = 3 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(['x', 'a', 'b'], judged)).toBeCloseTo(dcg / idcg, 10);
    expect(ndcgAt(['x', 'a', 'b'], judged)).toBeCloseTo(0.5792, 4);
  });

  it('takes the ideal from all judged documents, even beyond the cut-off', () => {
    const many = new Map(Array.from({ length: 12 }, (_, i) => [`d${i}`, 1] as [string, number]));
    const idcg = Array.from({ length: 10 }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
    expect(ndcgAt(['d0'], many)).toBeCloseTo(1 / idcg, 10);
    expect(recallAt(['d0', 'd1', 'x'], many)).toBeCloseTo(2 / 12, 10);
  });

  it('counts only the top k', () => {
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(ndcgAt(ranked, judged)).toBe(0);
    expect(recallAt(ranked, judged)).toBe(0);
    expect(recallAt(['c', 'a'], judged)).toBeCloseTo(2 / 3, 10);
  });
});

describe('classification metrics', () => {
  it('macro-F1 averages over gold codes; other predicted codes are errors', () => {
    const s = sectorScores(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'z']);
    // a: tp1 fn1 → 2/3; b: tp1 fp1 → 2/3; c: fn1 → 0
    expect(s.accuracy).toBe(0.5);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 0) / 3, 10);
    expect(Object.keys(s.perClass)).toEqual(['a', 'b', 'c']);
  });

  it('micro-F1 pools TP, FP and FN over rows', () => {
    const s = microSetScores([new Set(['x', 'y']), new Set(['z'])], [new Set(['x']), new Set(['z', 'w'])]);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 1]);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });
});

describe('strict TSV', () => {
  it('does no quote handling', () => {
    const rows = parseTsv('id\ttext\n1\t"引号" 保留\n');
    expect(rows).toEqual([{ id: '1', text: '"引号" 保留' }]);
  });
  it('rejects rows with the wrong number of fields and missing columns', () => {
    expect(() => parseTsv('id\ttext\n1\ta\tb\n')).toThrow(TsvError);
    expect(() => parseTsv('id\n1\n', ['id', 'text'])).toThrow(/missing column "text"/);
  });
});

describe('runEval on a hand-made folder', () => {
  it('reads the five files and produces the README JSON shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-eval-'));
    const w = (name: string, rows: string[][]) => writeFileSync(join(dir, name), rows.map((r) => r.join('\t')).join('\n') + '\n');
    w('sector.tsv', [
      ['id', 'text', 'sector', 'tech_fields'],
      ['R1', '智慧医院。医学影像辅助诊断', 'healthcare', 'computer_vision'],
      ['R2', '金融', 'finance', ''],
    ]);
    w('items.tsv', [
      ['id', 'text'],
      ['R1', '智慧医院。医学影像辅助诊断'],
      ['R2', '金融'],
    ]);
    w('passages.tsv', [
      ['id', 'source', 'title', 'text'],
      ['S1', 'x.txt', '加快经费拨付进度', '项目任务书签订后 30 日内，将经费拨付至项目承担单位。'],
      ['S2', 'x.txt', '智能家电', '开展家电以旧换新活动。'],
    ]);
    w('queries.tsv', [
      ['qid', 'query'],
      ['Q1', '经费 拨付'],
      ['Q2', '医院 影像'],
      ['Q3', '没有判断的查询'],
    ]);
    w('qrels.tsv', [
      ['qid', 'doc_id', 'grade'],
      ['Q1', 'S1', '2'],
      ['Q2', 'R1', '2'],
      ['Q2', 'S2', '0'],
    ]);
    const r = runEval(dir);
    expect(r.skippedQueries).toEqual(['Q3']);
    const j = toJson(r);
    expect(Object.keys(j)).toEqual(['counts', 'sector', 'techFields', 'retrieval']);
    expect(j.counts).toEqual({ sector_items: 2, tech_items: 1, queries: 2, corpus: 4 });
    expect(j.sector).toEqual({ accuracy: 1, macroF1: 1 });
    expect(j.techFields.microF1).toBe(1);
    expect(j.retrieval.ours.ndcg10).toBe(1);
    expect(j.retrieval.baseline.recall10).toBe(1);
  });

  it('splits an item into name and description at the first 。', () => {
    expect(splitItemText('AI医院')).toEqual({ title: '', text: 'AI医院' });
    expect(splitItemText('智慧停车。建设停车平台。')).toEqual({ title: '智慧停车', text: '建设停车平台。' });
  });
});
