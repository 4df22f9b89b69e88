/** The counters above a call's ranking, true before and after its items are published. */
const PUBLISHED_OR_LATER = new Set(['published', 'matching', 'awarded', 'in_delivery', 'accepted', 'benchmark_case']);

export interface ReviewCounts {
  inReview: number;
  /** Scored by at least k reviewers, whatever was decided since. */
  fullyScored: number;
  /** Ever selected: waiting for publication or already published (and on from there). */
  selected: number;
  /** Selected and not yet in a batch: what 发布批次 would publish. */
  awaitingPublication: number;
  published: number;
  rejected: number;
}

export function reviewCounts(items: ReadonlyArray<{ status: string; count: number }>, k: number): ReviewCounts {
  const n = (p: (i: { status: string; count: number }) => boolean) => items.filter(p).length;
  const published = n((i) => PUBLISHED_OR_LATER.has(i.status));
  const awaitingPublication = n((i) => i.status === 'selected');
  return {
    inReview: n((i) => i.status === 'in_review'),
    fullyScored: n((i) => i.count >= k && i.status !== 'returned_for_revision'),
    selected: awaitingPublication + published,
    awaitingPublication,
    published,
    rejected: n((i) => i.status === 'rejected'),
  };
}
