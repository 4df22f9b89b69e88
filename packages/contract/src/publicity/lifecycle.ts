/** The 公示 lifecycle's public part (zod-free). */
import { publicityMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const publicityLifecycle = publicLifecycle(publicityMachine);
