import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferMissingFields } from './infer.js';
import { effectiveFields, matchSides, type MatchFields } from './rank.js';

const text = '冲压车间零部件表面划痕、凹坑靠人工目检，希望用工业相机和深度学习做在线缺陷检测。';
const base = (o: Partial<MatchFields>): MatchFields => ({
  listType: 'scenario_need',
  sector: null,
  sectors: [],
  techFields: [],
  regionCode: null,
  budgetMin: null,
  budgetMax: null,
  maturityTrl: null,
  ...o,
});

describe('inferMissingFields', () => {
  it('reads a sector and technology fields from the text for a need that left both empty', () => {
    const inferred = inferMissingFields(base({}), text);
    expect(inferred?.sector).toBe('manufacturing');
    expect(inferred?.techFields).toContain('computer_vision');
    expect(inferred?.sectors).toBeUndefined();
  });

  it('fills a capability’s sectors, not a need’s sector', () => {
    const inferred = inferMissingFields(base({ listType: 'capability' }), text);
    expect(inferred?.sectors).toEqual(['manufacturing']);
    expect(inferred?.sector).toBeUndefined();
  });

  it('never replaces what the owner filled in, and infers nothing when nothing is empty', () => {
    const sectors = ['agriculture', 'manufacturing', 'healthcare'];
    const techs = ['computer_vision', 'nlp', 'robotics'];
    fc.assert(
      fc.property(
        fc.constantFrom('scenario_need', 'capability'),
        fc.option(fc.constantFrom(...sectors), { nil: null }),
        fc.subarray(sectors),
        fc.subarray(techs),
        (listType, sector, capSectors, techFields) => {
          const f = base({
            listType,
            sector: listType === 'scenario_need' ? sector : null,
            sectors: listType === 'capability' ? capSectors : [],
            techFields,
          });
          const inferred = inferMissingFields(f, text);
          const effective = effectiveFields({ ...f, inferred });
          if (f.sector) expect(effective.sector).toBe(f.sector);
          if (f.sectors.length) expect(effective.sectors).toEqual(f.sectors);
          if (f.techFields.length) expect(effective.techFields).toEqual(f.techFields);
          const complete = (listType === 'scenario_need' ? !!f.sector : f.sectors.length > 0) && f.techFields.length > 0;
          if (complete) expect(inferred).toBeUndefined();
        },
      ),
    );
  });

  it('lets matching score a sector a listing left empty', () => {
    const need = base({ inferred: inferMissingFields(base({}), text) });
    const cap = base({ listType: 'capability', sectors: ['manufacturing'], techFields: ['computer_vision'] });
    const { need: n, cap: c } = matchSides(need, cap);
    expect(n.sector).toBe('manufacturing');
    expect(n.techFields).toContain('computer_vision');
    expect(c.sectors).toEqual(['manufacturing']);
  });
});
