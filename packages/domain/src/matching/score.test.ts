import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTOR_CODES, TECH_FIELD_CODES } from '../taxonomy.js';
import { MATCH_WEIGHTS, matchScore, regionFit, sectorFit, type CapabilitySide, type NeedSide } from './score.js';

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

  it('a full fit on every part scores 100', () => {
    const m = matchScore(need({ techFields: ['computer_vision'] }), cap(), 1);
    expect(m.score).toBe(100);
    expect(m.parts.every((p) => p.fit === 1)).toBe(true);
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
