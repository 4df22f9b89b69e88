/**
 * The match score between a scenario need and a capability, as a sum of parts that each say
 * why. Every part is a fit in [0, 1] times its weight; the parts' points add up to the score
 * (0–100), so the explanation is the score, not a story told next to it.
 *
 * Three rules keep the score honest (issue 12):
 * - a part whose data is missing on either side gives no points (unknown is not a fit);
 * - an item whose sector and technology both disagree with the need is about something else:
 *   unless its text overlap is strong (`STRONG_TERM_FIT`), it keeps only its text points, so it
 *   cannot outrank an item that fits on both (`fitsOnBoth`);
 * - a score under `MIN_MATCH_SCORE` is a weak match, hidden unless asked for.
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

/**
 * Budget weighs nothing: a capability states no price, so the budget part never has data on
 * both sides. It stays a part so the explanation still shows the need's budget.
 */
export const MATCH_WEIGHTS: Record<MatchPartKey, number> = {
  terms: 44,
  sector: 20,
  tech: 20,
  region: 8,
  budget: 0,
  maturity: 8,
};

/**
 * Matches scoring under this are not worth a user's time: flagged `weak`, hidden by default.
 * Context alone (same district, TRL 7+, a sector of the same group: 8 + 8 + 6) stays under it,
 * and so does every off-topic item (under 24).
 */
export const MIN_MATCH_SCORE = 30;

/**
 * A text fit at or above this lets an item that disagrees on sector and technology keep its
 * other points. Below it, its score is at most terms × fit < 20 + 20/5, the least an item that
 * fits on both can score (a need names at most five technology fields).
 */
export const STRONG_TERM_FIT = 0.54;

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
  /** Sector and technology both disagree and the text overlap is not strong: only the text counts. */
  offTopic: boolean;
  /** Under MIN_MATCH_SCORE. */
  weak: boolean;
}

const groupOf = new Map<string, string>(SECTORS.map((s) => [s.code, s.group]));

export function sectorFit(need: NeedSide, cap: CapabilitySide): number {
  if (!need.sector || cap.sectors.length === 0) return 0;
  if (cap.sectors.includes(need.sector)) return 1;
  const g = groupOf.get(need.sector);
  return cap.sectors.some((s) => groupOf.get(s) === g) ? 0.3 : 0;
}

/** Share of the need's technology fields the capability covers (0 when either side names none). */
export function techFit(need: NeedSide, cap: CapabilitySide): number {
  if (need.techFields.length === 0 || cap.techFields.length === 0) return 0;
  // At most five a side: a scan beats building a set, and this runs for every candidate.
  let covered = 0;
  for (const t of need.techFields) if (cap.techFields.includes(t)) covered++;
  return covered / need.techFields.length;
}

/** Same district, same city, same province (GB/T 2260: 2 + 2 + 2 digits). */
export function regionFit(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.slice(0, 4) === b.slice(0, 4)) return 0.7;
  if (a.slice(0, 2) === b.slice(0, 2)) return 0.4;
  return 0;
}

/** A capability has no price to compare a need's budget with: no data on that side, no points. */
export function budgetFit(_need: NeedSide): number {
  return 0;
}

/** Needs are calls for deployable solutions: the closer to TRL 9, the better the fit; unknown gives nothing. */
export function maturityFit(cap: CapabilitySide): number {
  const t = cap.maturityTrl;
  if (t === null) return 0;
  if (t >= 7) return 1;
  if (t >= 5) return 0.6;
  if (t >= 3) return 0.3;
  return 0.1;
}

/** Both sides state a sector and the capability serves the need's, and both name technology fields that overlap. */
export function fitsOnBoth(need: NeedSide, cap: CapabilitySide): boolean {
  return sectorFit(need, cap) === 1 && techFit(need, cap) > 0;
}

/** Both sides state a sector and technology fields, and neither overlaps (same sector group is still a different sector). */
export function disagreesOnBoth(need: NeedSide, cap: CapabilitySide): boolean {
  return (
    !!need.sector &&
    cap.sectors.length > 0 &&
    !cap.sectors.includes(need.sector) &&
    need.techFields.length > 0 &&
    cap.techFields.length > 0 &&
    techFit(need, cap) === 0
  );
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const WEIGHT_LIST = MATCH_PART_KEYS.map((k) => MATCH_WEIGHTS[k]);

/** `termFit` is the weighted share of the source's key terms found in the other side. */
export function matchScore(need: NeedSide, cap: CapabilitySide, termFit: number): MatchScore {
  const terms = round2(Math.max(0, Math.min(1, termFit)));
  const tech = techFit(need, cap);
  const offTopic = terms < STRONG_TERM_FIT && tech === 0 && disagreesOnBoth(need, cap);
  // In MATCH_PART_KEYS order. Plain loops: this runs for each of a listing's candidates.
  const fits = offTopic
    ? [terms, 0, 0, 0, 0, 0]
    : [terms, sectorFit(need, cap), tech, regionFit(need.regionCode, cap.regionCode), budgetFit(need), maturityFit(cap)];
  const parts: MatchPart[] = new Array<MatchPart>(MATCH_PART_KEYS.length);
  let sum = 0;
  for (let i = 0; i < MATCH_PART_KEYS.length; i++) {
    const fit = round2(fits[i]!);
    const points = round2(WEIGHT_LIST[i]! * fit);
    sum += points;
    parts[i] = { key: MATCH_PART_KEYS[i]!, weight: WEIGHT_LIST[i]!, fit, points, share: 0 };
  }
  const score = round2(sum);
  if (score > 0) for (const p of parts) p.share = round2(p.points / score);
  return { score, parts, offTopic, weak: score < MIN_MATCH_SCORE };
}
