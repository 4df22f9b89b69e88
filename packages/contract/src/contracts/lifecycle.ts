/** The registration lifecycle's public part (zod-free). */
import { CONTRACT_REGISTRATION_STATES, contractRegistrationMachine } from '@scenebridge/domain/lifecycles';
import { publicLifecycle } from '../common/lifecycle.js';

export const contractRegistrationLifecycle = publicLifecycle(contractRegistrationMachine);
export { CONTRACT_REGISTRATION_STATES };
export type { ContractRegistrationState, ContractRegistrationAction } from '@scenebridge/domain/lifecycles';
/** The seller may edit its registration in these states (a draft, or one returned for 补正). */
export const CONTRACT_EDITABLE_STATES = ['draft', 'returned'] as const;
export const isContractEditable = (status: string): boolean => (CONTRACT_EDITABLE_STATES as readonly string[]).includes(status);
/** Waiting for the registrar: the statutory clock runs. */
export const CONTRACT_QUEUE_STATES = ['submitted', 'accepted'] as const;
