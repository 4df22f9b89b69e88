import type { CallRow } from '@scenebridge/db';
import { isWithinWindow } from '@scenebridge/domain';

/** Open, and the server's clock inside its window. */
export function acceptingSubmissions(call: CallRow, now: Date): boolean {
  return call.status === 'open' && isWithinWindow(now, call.opensAt, call.closesAt);
}
