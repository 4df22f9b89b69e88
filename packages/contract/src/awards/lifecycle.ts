/** The award and milestone lifecycles' public part (zod-free). */
import { AWARD_STATES, MILESTONE_STATES, awardMachine, milestoneMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const awardLifecycle = publicLifecycle(awardMachine);
export const milestoneLifecycle = publicLifecycle(milestoneMachine);
export { AWARD_STATES, MILESTONE_STATES };
export type { AwardState, MilestoneState } from '@scenebridge/domain/lifecycles';
