import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTOR_CODES, TECH_FIELD_CODES } from '../taxonomy.js';
import {
  disagreesOnBoth,
  fitsOnBoth,
  MATCH_WEIGHTS,
  matchScore,
  MIN_MATCH_SCORE,
  regionFit,
  sectorFit,
  STRONG_TERM_FIT,
  type CapabilitySide,
  type NeedSide,
} from './score.js';

const need = (o: Partial<NeedSide> = {}): NeedSide => ({
  sector: 'manufacturing',
  techFields: ['computer_vision', 'iot_sensing'],
  regionCode: '500112',
  budgetMin: 100,
  budgetMax: 300,
  ...o,
});
const cap = (o: Partial<CapabilitySide> = {}): CapabilitySide => ({
  sectors: ['manufacturing'],
  techFields: ['computer_vision'],
  regionCode: '500112',
  maturityTrl: 8,
  ...o,
});

describe('matchScore', () => {
  it('weights add up to 100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('a full fit on every part that has data on both sides scores 100; budget, never on both sides, scores nothing', () => {
    const m = matchScore(need({ techFields: ['computer_vision'] }), cap(), 1);
    expect(m.score).toBe(100);
    expect(m.parts.filter((p) => p.key !== 'budget').every((p) => p.fit === 1)).toBe(true);
    expect(m.parts.find((p) => p.key === 'budget')).toMatchObject({ weight: 0, points: 0 });
  });

  it('the parts add up to the score and shares to one, on any input', () => {
    const side = fc.record({
      sector: fc.option(fc.constantFrom(...SECTOR_CODES), { nil: null }),
      techFields: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { maxLength: 5 }),
      regionCode: fc.option(fc.constantFrom('500112', '500103', '510104', '110105'), { nil: null }),
      budgetMax: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      sectors: fc.uniqueArray(fc.constantFrom(...SECTOR_CODES), { maxLength: 5 }),
      trl: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      capTech: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { maxLength: 5 }),
      capRegion: fc.option(fc.constantFrom('500112', '500105', '510104'), { nil: null }),
      terms: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(side, (s) => {
        const m = matchScore(
          { sector: s.sector, techFields: s.techFields, regionCode: s.regionCode, budgetMin: null, budgetMax: s.budgetMax },
          { sectors: s.sectors, techFields: s.capTech, regionCode: s.capRegion, maturityTrl: s.trl },
          s.terms,
        );
        const sum = m.parts.reduce((a, p) => a + p.points, 0);
        expect(Math.abs(sum - m.score)).toBeLessThan(0.011);
        if (m.score > 0) expect(Math.abs(m.parts.reduce((a, p) => a + p.share, 0) - 1)).toBeLessThan(0.05);
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('sector: exact, same group, other group', () => {
    expect(sectorFit(need(), cap())).toBe(1);
    expect(sectorFit(need(), cap({ sectors: ['finance'] }))).toBe(0.3); // both economy
    expect(sectorFit(need(), cap({ sectors: ['healthcare'] }))).toBe(0);
  });

  it('region: district, city, province, elsewhere', () => {
    expect(regionFit('500112', '500112')).toBe(1);
    expect(regionFit('500112', '500103')).toBe(0.7);
    expect(regionFit('500112', '500235')).toBe(0.4);
    expect(regionFit('500112', '110105')).toBe(0);
    expect(regionFit(null, '110105')).toBe(0);
  });

  it('more tech-field coverage and higher maturity score higher', () => {
    const half = matchScore(need(), cap(), 0.5);
    const full = matchScore(need(), cap({ techFields: ['computer_vision', 'iot_sensing'] }), 0.5);
    expect(full.score).toBeGreaterThan(half.score);
    expect(matchScore(need(), cap({ maturityTrl: 3 }), 0.5).score).toBeLessThan(half.score);
  });
});

const arbNeed: fc.Arbitrary<NeedSide> = fc.record({
  sector: fc.option(fc.constantFrom(...SECTOR_CODES), { nil: null }),
  // A need names at most five technology fields (PICK_LIMITS).
  techFields: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { maxLength: 5 }),
  regionCode: fc.option(fc.constantFrom('500112', '500103', '510104', '110105'), { nil: null }),
  budgetMin: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  budgetMax: fc.option(fc.integer({ min: 500, max: 5000 }), { nil: null }),
});
const arbCap: fc.Arbitrary<CapabilitySide> = fc.record({
  sectors: fc.uniqueArray(fc.constantFrom(...SECTOR_CODES), { maxLength: 5 }),
  techFields: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { maxLength: 5 }),
  regionCode: fc.option(fc.constantFrom('500112', '500105', '510104'), { nil: null }),
  maturityTrl: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
});
const arbFit = fc.double({ min: 0, max: 1, noNaN: true });
const pointsOf = (m: ReturnType<typeof matchScore>, key: string) => m.parts.find((p) => p.key === key)!.points;

describe('matching rules (issue 12)', () => {
  it('a part whose data is missing on either side gives no points', () => {
    fc.assert(
      fc.property(arbNeed, arbCap, arbFit, (n, c, t) => {
        const m = matchScore(n, c, t);
        if (!n.sector || c.sectors.length === 0) expect(pointsOf(m, 'sector')).toBe(0);
        if (n.techFields.length === 0 || c.techFields.length === 0) expect(pointsOf(m, 'tech')).toBe(0);
        if (!n.regionCode || !c.regionCode) expect(pointsOf(m, 'region')).toBe(0);
        if (c.maturityTrl === null) expect(pointsOf(m, 'maturity')).toBe(0);
        // A capability has no price: the budget part never has data on both sides.
        expect(pointsOf(m, 'budget')).toBe(0);
      }),
    );
  });

  it('an item disagreeing on sector and technology never outranks one that fits on both, unless its text overlap is strong', () => {
    // A need with a sector and technology fields; one capability built to fit it on both, one to disagree on both.
    const arbCase = fc
      .record({
        need: arbNeed,
        sector: fc.constantFrom(...SECTOR_CODES),
        tech: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { minLength: 1, maxLength: 5 }),
        fitCap: arbCap,
        offCap: arbCap,
        pick: fc.nat(),
        otherSectors: fc.uniqueArray(fc.constantFrom(...SECTOR_CODES), { minLength: 1, maxLength: 4 }),
        otherTech: fc.uniqueArray(fc.constantFrom(...TECH_FIELD_CODES), { minLength: 1, maxLength: 4 }),
      })
      .map(({ need: n0, sector, tech, fitCap, offCap, pick, otherSectors, otherTech }) => {
        const n = { ...n0, sector, techFields: tech };
        const fit = {
          ...fitCap,
          sectors: [...new Set([sector, ...fitCap.sectors])],
          techFields: [...new Set([tech[pick % tech.length]!, ...fitCap.techFields])],
        };
        const offSectors = otherSectors.filter((s) => s !== sector);
        const offTech = otherTech.filter((t) => !tech.includes(t));
        const off = {
          ...offCap,
          sectors: offSectors.length ? offSectors : [SECTOR_CODES.find((s) => s !== sector)!],
          techFields: offTech.length ? offTech : [TECH_FIELD_CODES.find((t) => !tech.includes(t))!],
        };
        return { n, fit, off };
      });
    fc.assert(
      fc.property(arbCase, arbFit, arbFit, ({ n, fit, off }, tOff, tFit) => {
        expect(fitsOnBoth(n, fit)).toBe(true);
        expect(disagreesOnBoth(n, off)).toBe(true);
        const a = matchScore(n, off, tOff);
        const b = matchScore(n, fit, tFit);
        expect(a.offTopic).toBe(a.parts[0]!.fit < STRONG_TERM_FIT);
        if (a.offTopic) expect(a.score).toBeLessThan(b.score);
      }),
      { numRuns: 500 },
    );
  });

  it('a strong text overlap keeps every part of an item that disagrees on both', () => {
    const n = need({ sector: 'manufacturing', techFields: ['computer_vision'] });
    const c = cap({ sectors: ['agriculture'], techFields: ['robotics'] });
    expect(matchScore(n, c, 0.9)).toMatchObject({ offTopic: false });
    expect(pointsOf(matchScore(n, c, 0.9), 'region')).toBe(8);
    expect(pointsOf(matchScore(n, c, 0.3), 'region')).toBe(0);
  });

  it('weak exactly when the score is under the threshold', () => {
    fc.assert(
      fc.property(arbNeed, arbCap, arbFit, (n, c, t) => {
        const m = matchScore(n, c, t);
        expect(m.weak).toBe(m.score < MIN_MATCH_SCORE);
      }),
    );
  });
});
