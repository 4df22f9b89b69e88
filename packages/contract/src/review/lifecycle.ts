/** The review assignment lifecycle's public part (zod-free). */
import { REVIEW_ASSIGNMENT_STATES, reviewAssignmentMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const reviewAssignmentLifecycle = publicLifecycle(reviewAssignmentMachine);
export { REVIEW_ASSIGNMENT_STATES };
export type { ReviewAssignmentState } from '@scenebridge/domain/lifecycles';
