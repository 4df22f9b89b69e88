import { openDatabase, type DatabaseHandle } from '@scenebridge/db';
import type { AppConfig } from './config.js';
import type { Services } from './context.js';

export async function openServices(config: AppConfig): Promise<{ services: Services; handle: DatabaseHandle }> {
  const handle = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  return { handle, services: { db: handle.db, now: () => new Date(), config } };
}
