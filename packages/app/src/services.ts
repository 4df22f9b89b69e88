import { openDatabase, type Database, type DatabaseHandle } from '@scenebridge/db';
import type { AppConfig } from './config.js';
import type { Services } from './context.js';
import { createTravelClock } from './clock/travel-clock.js';
import { AppEventBus } from './events.js';
import { SearchIndex } from './search/index.js';
import { registerSubscribers } from './shared/index.js';

/** Everything use cases need, around one database. */
export function createServices(db: Database, config: AppConfig, now: () => Date = () => new Date()): Services {
  registerSubscribers();
  return { db, now, config, search: new SearchIndex(db), events: new AppEventBus() };
}

export async function openServices(config: AppConfig): Promise<{ services: Services; handle: DatabaseHandle }> {
  const handle = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  if (!config.timeTravel) return { handle, services: createServices(handle.db, config) };
  const clock = createTravelClock();
  return { handle, services: { ...createServices(handle.db, config, clock.now), clock } };
}
