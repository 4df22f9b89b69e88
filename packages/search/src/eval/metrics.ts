/** Evaluation metrics, as defined in shared/eval/README.md. */

export interface SectorScores {
  n: number;
  correct: number;
  accuracy: number;
  /** Averaged over the codes that occur in the gold column; a prediction of any other code is an error. */
  macroF1: number;
  perClass: Record<string, { tp: number; fp: number; fn: number; f1: number }>;
}

export function sectorScores(gold: readonly string[], pred: readonly string[]): SectorScores {
  if (gold.length !== pred.length) throw new Error('sectorScores: gold and pred differ in length');
  const classes = [...new Set(gold)].sort();
  const perClass: SectorScores['perClass'] = {};
  for (const c of classes) {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const f1 = tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    perClass[c] = { tp, fp, fn, f1 };
  }
  const correct = gold.filter((g, i) => g === pred[i]).length;
  const n = gold.length;
  return {
    n,
    correct,
    accuracy: n ? correct / n : 0,
    macroF1: classes.length ? classes.reduce((s, c) => s + perClass[c]!.f1, 0) / classes.length : 0,
    perClass,
  };
}

export interface SetScores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Micro P/R/F1 over rows of label sets: pool TP, FP and FN over all rows. */
export function microSetScores(gold: ReadonlyArray<ReadonlySet<string>>, pred: ReadonlyArray<ReadonlySet<string>>): SetScores {
  let tp = 0,
    fp = 0,
    fn = 0;
  gold.forEach((g, i) => {
    const p = pred[i] ?? new Set<string>();
    for (const x of p)
      if (g.has(x)) tp++;
      else fp++;
    for (const x of g) if (!p.has(x)) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Graded judgments of one query: doc id → grade (unlisted docs have grade 0). */
export type Judgments = ReadonlyMap<string, number>;

const gain = (g: number) => 2 ** g - 1;

/** nDCG@k with gain 2^g − 1 and a log2(rank + 1) discount; the ideal ranking uses all judged docs. */
export function ndcgAt(ranked: readonly string[], judged: Judgments, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(judged.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => {
    idcg += gain(g) / Math.log2(i + 2);
  });
  return idcg > 0 ? dcg / idcg : 0;
}

/** Share of the docs with grade ≥ 1 that appear in the top k. */
export function recallAt(ranked: readonly string[], judged: Judgments, k = 10): number {
  const relevant = [...judged].filter(([, g]) => g >= 1).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
