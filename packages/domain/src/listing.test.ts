import { describe, expect, it } from 'vitest';
import { budgetBand, isPublishedState, maturityBand } from './listing.js';

describe('listing bands', () => {
  it('budget band by the upper end, else the lower end', () => {
    expect(budgetBand(null, null)).toBe('unknown');
    expect(budgetBand(10, 50)).toBe('upto50');
    expect(budgetBand(10, 50.5)).toBe('50to200');
    expect(budgetBand(200, 500)).toBe('200to500');
    expect(budgetBand(600, undefined)).toBe('500to1000');
    expect(budgetBand(0, 1000.5)).toBe('over1000');
  });
  it('maturity band by TRL', () => {
    expect([1, 3, 4, 6, 7, 9].map(maturityBand)).toEqual(['research', 'research', 'pilot', 'pilot', 'deployable', 'deployable']);
    expect(maturityBand(null)).toBe('unknown');
  });
  it('published states', () => {
    expect(isPublishedState('published')).toBe(true);
    expect(isPublishedState('submitted')).toBe(false);
  });
});
