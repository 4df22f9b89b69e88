import { CONTRACT_STATE_LABELS, CONTRACT_STEPS } from './vocab';

/** Where the registration stands on the steps; a return, refusal or discard shows where it stopped as an error. */
export function contractStep(status: string): { current: number; error: boolean; stoppedAs?: string } {
  switch (status) {
    case 'returned':
      return { current: 1, error: true, stoppedAs: CONTRACT_STATE_LABELS.returned };
    case 'refused':
      return { current: 2, error: true, stoppedAs: CONTRACT_STATE_LABELS.refused };
    case 'discarded':
      return { current: 0, error: true, stoppedAs: CONTRACT_STATE_LABELS.discarded };
    default:
      return { current: Math.max(0, (CONTRACT_STEPS as readonly string[]).indexOf(status)), error: false };
  }
}
