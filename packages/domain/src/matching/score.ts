/**
 * The match score between a scenario need and a capability, as a sum of parts that each say
 * why. Every part is a fit in [0, 1] times its weight; the parts' points add up to the score
 * (0–100), so the explanation is the score, not a story told next to it.
 */
import { SECTORS } from '../taxonomy.js';

export interface NeedSide {
  sector: string | null;
  techFields: readonly string[];
  regionCode: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
}
export interface CapabilitySide {
  sectors: readonly string[];
  techFields: readonly string[];
  regionCode: string | null;
  maturityTrl: number | null;
}

export const MATCH_PART_KEYS = ['terms', 'sector', 'tech', 'region', 'budget', 'maturity'] as const;
export type MatchPartKey = (typeof MATCH_PART_KEYS)[number];

export const MATCH_WEIGHTS: Record<MatchPartKey, number> = {
  terms: 40,
  sector: 20,
  tech: 20,
  region: 8,
  budget: 4,
  maturity: 8,
};

export interface MatchPart {
  key: MatchPartKey;
  weight: number;
  /** Fit in [0, 1]. */
  fit: number;
  /** weight × fit: this part's points of the score. */
  points: number;
  /** points / score (0 when the score is 0). */
  share: number;
}

export interface MatchScore {
  score: number;
  parts: MatchPart[];
}

const groupOf = new Map<string, string>(SECTORS.map((s) => [s.code, s.group]));

export function sectorFit(need: NeedSide, cap: CapabilitySide): number {
  if (!need.sector || cap.sectors.length === 0) return 0;
  if (cap.sectors.includes(need.sector)) return 1;
  const g = groupOf.get(need.sector);
  return cap.sectors.some((s) => groupOf.get(s) === g) ? 0.3 : 0;
}

/** Share of the need's technology fields the capability covers. */
export function techFit(need: NeedSide, cap: CapabilitySide): number {
  if (need.techFields.length === 0) return 0;
  const have = new Set(cap.techFields);
  return need.techFields.filter((t) => have.has(t)).length / need.techFields.length;
}

/** Same district, same city, same province (GB/T 2260: 2 + 2 + 2 digits). */
export function regionFit(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.slice(0, 4) === b.slice(0, 4)) return 0.7;
  if (a.slice(0, 2) === b.slice(0, 2)) return 0.4;
  return 0;
}

/** A need with a stated budget is one a supplier can act on. */
export function budgetFit(need: NeedSide): number {
  if (need.budgetMax !== null || need.budgetMin !== null) return 1;
  return 0.3;
}

/** Needs are calls for deployable solutions: the closer to TRL 9, the better the fit. */
export function maturityFit(cap: CapabilitySide): number {
  const t = cap.maturityTrl;
  if (t === null) return 0.2;
  if (t >= 7) return 1;
  if (t >= 5) return 0.6;
  if (t >= 3) return 0.3;
  return 0.1;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `termFit` is the weighted share of the source's key terms found in the other side. */
export function matchScore(need: NeedSide, cap: CapabilitySide, termFit: number): MatchScore {
  const fits: Record<MatchPartKey, number> = {
    terms: Math.max(0, Math.min(1, termFit)),
    sector: sectorFit(need, cap),
    tech: techFit(need, cap),
    region: regionFit(need.regionCode, cap.regionCode),
    budget: budgetFit(need),
    maturity: maturityFit(cap),
  };
  const raw = (Object.keys(MATCH_WEIGHTS) as MatchPartKey[]).map((key) => ({
    key,
    weight: MATCH_WEIGHTS[key],
    fit: round2(fits[key]),
    points: round2(MATCH_WEIGHTS[key] * round2(fits[key])),
  }));
  const score = round2(raw.reduce((a, p) => a + p.points, 0));
  return { score, parts: raw.map((p) => ({ ...p, share: score > 0 ? round2(p.points / score) : 0 })) };
}
