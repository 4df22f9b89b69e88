/**
 * A fresh database for one benchmark run: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (dropped again on close), via the same helper
 * the tests use, plus the Services object the use cases and the app take.
 */
import { EventEmitter } from 'node:events';
import type { DatabaseHandle } from '@scenebridge/db';
import { createTestDatabase } from '@scenebridge/db/testing';
import { createServices, testConfig, type AppConfig, type Services } from '@scenebridge/server';

export interface BenchDatabase {
  handle: DatabaseHandle;
  services: Services;
  close(): Promise<void>;
}

export async function openBenchDatabase(config: Partial<AppConfig> = {}): Promise<BenchDatabase> {
  const handle = await createTestDatabase();
  // One client sends thousands of searches: the per-user limits would measure themselves.
  const unlimited = { qualityCheck: 0, classify: 0, search: 0, matches: 0, duplicateClusters: 0, imports: 0 };
  const services: Services = createServices(handle.db, testConfig({ heavyRateLimits: unlimited, ...config }));
  let closed = false;
  // On PostgreSQL, close() ends the pool and then drops the database `with (force)`. pg-pool's
  // end() resolves before its sockets have closed, so the drop can terminate a connection that
  // is still closing (57P01); the pool re-emits that as 'error', which with no listener kills the
  // process. Expected while closing; anything else is reported.
  const pool = (handle.db as unknown as { $client?: EventEmitter }).$client;
  if (handle.kind === 'postgres' && pool instanceof EventEmitter) {
    pool.on('error', (e: Error & { code?: string }) => {
      if (closed && e.code === '57P01') return;
      process.stderr.write(`database pool error: ${e.code ?? ''} ${e.message}\n`);
    });
  }
  return {
    handle,
    services,
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

/** "pglite (in memory)" or "postgres postgres://user:***@host/db" (password hidden). */
export function describeDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) return 'pglite (in memory, single connection)';
  return `postgres ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} (a fresh database per run, dropped afterwards)`;
}
