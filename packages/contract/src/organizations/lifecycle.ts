/** The organisation lifecycle's public part (zod-free). */
import { ORGANIZATION_STATES, organizationMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const organizationLifecycle = publicLifecycle(organizationMachine);
export { ORGANIZATION_STATES };
export type { OrganizationState } from '@scenebridge/domain/lifecycles';
