/** The submission lifecycle's public part and the status rules the web shows (zod-free). */
import { isSubmissionEditable, SUBMISSION_EDITABLE_STATES, SUBMISSION_STATES, submissionMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const submissionLifecycle = publicLifecycle(submissionMachine);
export { isSubmissionEditable, SUBMISSION_EDITABLE_STATES, SUBMISSION_STATES };
export type { SubmissionState } from '@scenebridge/domain/lifecycles';
