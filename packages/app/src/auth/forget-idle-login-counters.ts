import { forgetIdleAuthAttempts } from '@scenebridge/db';
import type { Services } from '../context.js';
import { FORGET_AFTER_SECONDS } from './throttle.js';

/** Clock job: login and password-change counters nobody has touched within their forget time. */
export async function forgetIdleLoginCounters(services: Services): Promise<number> {
  return forgetIdleAuthAttempts(services.db, new Date(services.now().getTime() - FORGET_AFTER_SECONDS * 1000));
}
