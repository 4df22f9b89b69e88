import { describe, expect, it } from 'vitest';
import { expiryReminderAt, lastValidDay, listingValidUntil } from './validity.js';

describe('listing validity', () => {
  it('runs 12 months to the end of the corresponding Shanghai day', () => {
    // 2026-03-15 10:00 Shanghai
    const until = listingValidUntil(new Date('2026-03-15T02:00:00Z'));
    expect(until.toISOString()).toBe('2027-03-15T16:00:00.000Z'); // 2027-03-16 00:00 Shanghai
    expect(lastValidDay(until)).toBe('2027-03-15');
  });

  it('counts by the Shanghai date, not the UTC one', () => {
    // 2026-03-15 23:30 UTC is already 2026-03-16 in Shanghai
    expect(lastValidDay(listingValidUntil(new Date('2026-03-15T23:30:00Z')))).toBe('2027-03-16');
  });

  it('ends on the last day of the month when the corresponding day does not exist', () => {
    expect(lastValidDay(listingValidUntil(new Date('2024-02-29T04:00:00Z')))).toBe('2025-02-28');
    expect(lastValidDay(listingValidUntil(new Date('2026-08-31T04:00:00Z'), 6))).toBe('2027-02-28');
  });

  it('reminds 30 days before the end', () => {
    const until = new Date('2027-03-15T16:00:00Z');
    expect(expiryReminderAt(until).toISOString()).toBe('2027-02-13T16:00:00.000Z');
  });
});
