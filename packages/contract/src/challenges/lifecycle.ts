/** The challenge lifecycle's public part (zod-free). */
import { CHALLENGE_STATES, challengeMachine, isChallengeEditable, isChallengePublic } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const challengeLifecycle = publicLifecycle(challengeMachine);
export { CHALLENGE_STATES, isChallengeEditable, isChallengePublic };
export type { ChallengeState } from '@scenebridge/domain/lifecycles';
