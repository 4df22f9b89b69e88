import type { TravelClock } from './clock/travel-clock.js';
import type { Database } from '@scenebridge/db';
import type { Role } from '@scenebridge/domain';
import type { AppConfig } from './config.js';
import type { AppEventBus } from './events.js';
import type { SearchIndex } from './search/index.js';

/** What every use case gets: the database, the clock (injectable for tests) and settings. */
export interface Services {
  db: Database;
  now: () => Date;
  config: AppConfig;
  /** This process's search index over listings (kept in step with the database). */
  search: SearchIndex;
  /** Changes told after commit to what keeps derived copies (the portal's page cache). */
  events: AppEventBus;
  /** Only with SCENEBRIDGE_TIME_TRAVEL=on: the clock `now` reads, which the operator may move forward. */
  clock?: TravelClock;
}

/** The authenticated caller. Anonymous callers are `null`. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  organizationId: string;
  organizationName: string;
  organizationStatus: string;
  organizationKind: string;
  sessionId: string;
  csrfToken: string;
}

export const isOperator = (a: Actor | null): boolean => !!a && a.roles.includes('operator');
export const isOrgUser = (a: Actor | null): boolean => !!a && (a.roles.includes('org_admin') || a.roles.includes('org_member'));
export const actorLabel = (a: Actor | null) => (a ? `${a.displayName} <${a.email}>` : 'system');
