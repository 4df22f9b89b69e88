import { describe, expect, it } from 'vitest';
import { reviewCounts } from './review-counts';

describe('review summary counters', () => {
  const before = [
    { status: 'selected', count: 3 },
    { status: 'selected', count: 3 },
    { status: 'rejected', count: 3 },
    { status: 'in_review', count: 1 },
  ];
  it('count the selected items before publication', () => {
    expect(reviewCounts(before, 3)).toEqual({
      inReview: 1,
      fullyScored: 3,
      selected: 2,
      awaitingPublication: 2,
      published: 0,
      rejected: 1,
    });
  });
  it('still count them once they are published (they used to read 0)', () => {
    const after = before.map((i) => (i.status === 'selected' ? { ...i, status: 'published' } : i));
    expect(reviewCounts(after, 3)).toEqual({ inReview: 1, fullyScored: 3, selected: 2, awaitingPublication: 0, published: 2, rejected: 1 });
  });
});
