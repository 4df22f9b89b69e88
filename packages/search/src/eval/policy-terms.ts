/**
 * Scores the policy-term extractor against DIR/policy_terms.tsv (shared/eval/README.md):
 * micro precision / recall / F1 over distinct (passage_id, type, value, unit) tuples, on every
 * passage of each source document that has at least one labelled row. Values compare as numbers,
 * dates as strings; qualifier and span are not scored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractPolicyTerms, type PolicyTerm } from '@scenebridge/domain/policies/terms';
import { readTsv, type TsvRow } from './tsv.js';

export interface TermCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface TermScores extends TermCounts {
  precision: number;
  recall: number;
  f1: number;
}

export interface PolicyTermsResult extends TermScores {
  passages: number;
  perType: Record<string, TermScores>;
  /** The tuples that did not match, for reading the errors (passage, type, value, unit). */
  falsePositives: string[];
  falseNegatives: string[];
}

export interface ScoredPassage {
  id: string;
  source: string;
}

export interface TermTuple {
  passageId: string;
  type: string;
  value: number | string;
  unit: string;
}

export const POLICY_TERMS_FILE = 'policy_terms.tsv';

export function hasPolicyTerms(dir: string): boolean {
  return existsSync(join(dir, POLICY_TERMS_FILE));
}

/** Numbers canonical (30 = 30.0), dates as written. */
function key(t: TermTuple): string {
  const n = typeof t.value === 'number' ? t.value : t.type === 'date' ? NaN : Number(t.value.trim());
  const value = Number.isFinite(n) ? String(Math.round(n * 1e6) / 1e6) : String(t.value).trim();
  return [t.passageId, t.type, value, t.unit.trim()].join('\t');
}

function scores(c: TermCounts): TermScores {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** The metric alone: gold and predicted tuples, scored on the passages of documents with ≥ 1 gold row. */
export function scorePolicyTerms(passages: readonly ScoredPassage[], gold: readonly TermTuple[], predicted: readonly TermTuple[]) {
  const sourceOf = new Map(passages.map((p) => [p.id, p.source]));
  const labelledSources = new Set(gold.map((g) => sourceOf.get(g.passageId)).filter((s) => s !== undefined));
  const scored = new Set(passages.filter((p) => labelledSources.has(p.source)).map((p) => p.id));
  const goldKeys = new Set(gold.filter((g) => scored.has(g.passageId)).map(key));
  const predKeys = new Set(predicted.filter((p) => scored.has(p.passageId)).map(key));
  const perType = new Map<string, TermCounts>();
  const count = (k: string, field: keyof TermCounts) => {
    const type = k.split('\t')[1]!;
    const c = perType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    perType.set(type, c);
  };
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const k of predKeys) {
    count(k, goldKeys.has(k) ? 'tp' : 'fp');
    if (!goldKeys.has(k)) falsePositives.push(k);
  }
  for (const k of goldKeys) {
    if (predKeys.has(k)) continue;
    count(k, 'fn');
    falseNegatives.push(k);
  }
  const total = [...perType.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    ...scores(total),
    passages: scored.size,
    perType: Object.fromEntries([...perType].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => [t, scores(c)])),
    falsePositives,
    falseNegatives,
  } satisfies PolicyTermsResult;
}

const toTuple = (passageId: string, t: PolicyTerm): TermTuple => ({ passageId, type: t.type, value: t.value, unit: t.unit });

/** Extracts terms from every passage and scores them against DIR/policy_terms.tsv. */
export function runPolicyTermsEval(dir: string, passageRows: readonly TsvRow[]): PolicyTermsResult {
  const goldRows = readTsv(join(dir, POLICY_TERMS_FILE), ['passage_id', 'type', 'value', 'unit']);
  const gold = goldRows.map((r) => ({ passageId: r.passage_id!, type: r.type!, value: r.value!, unit: r.unit! }));
  const passages = passageRows.map((r) => ({ id: r.id!, source: r.source ?? '' }));
  const predicted = passageRows.flatMap((r) => extractPolicyTerms(r.text!).map((t) => toTuple(r.id!, t)));
  return scorePolicyTerms(passages, gold, predicted);
}
