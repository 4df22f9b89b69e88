/** The application lifecycle's public part (zod-free). */
import { APPLICATION_STATES, applicationMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const applicationLifecycle = publicLifecycle(applicationMachine);
export { APPLICATION_STATES };
export type { ApplicationState } from '@scenebridge/domain/lifecycles';
