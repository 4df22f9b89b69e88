/** The call lifecycle's public part and the status rules the web shows (zod-free). */
import { CALL_STATES, callMachine, isCallEditable } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const callLifecycle = publicLifecycle(callMachine);
export { CALL_STATES, isCallEditable };
export type { CallState } from '@scenebridge/domain/lifecycles';
