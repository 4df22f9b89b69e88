import { submissionMachine } from '@scenebridge/domain';

/** Listings a new entry could duplicate, and that a cluster may hold: live, not folded away. */
export const COMPARABLE = new Set([
  'submitted',
  'in_review',
  'returned_for_revision',
  'selected',
  'published',
  'matching',
  'awarded',
  'in_delivery',
  'accepted',
  'benchmark_case',
]);
/** States an item can be merged from (the submission machine's `merge`). */
export const MERGEABLE = new Set(submissionMachine.transitions.find((t) => t.action === 'merge')!.from as readonly string[]);
