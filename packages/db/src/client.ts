import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lock.js';
import * as schema from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Repositories take either; a use case passes its transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder, "memory", or the server URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL server URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string;
  /** In-memory PGlite only: start from this dumped data folder (a migrated template) instead of an empty cluster. */
  loadDataDir?: Blob;
  migrate?: boolean;
  poolSize?: number;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const handle = opts.url
    ? await openPostgres(opts.url, opts.poolSize ?? 10, opts.migrate !== false)
    : await openPglite(opts.dataDir, opts.migrate !== false, opts.loadDataDir);
  return handle;
}

async function openPglite(dataDir: string | undefined, migrate: boolean, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const lock = dataDir ? acquireDataDirLock(dataDir) : null;
  try {
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create(loadDataDir ? { loadDataDir } : undefined);
    const pgliteDb = drizzlePglite(client, { schema });
    if (migrate) {
      try {
        await migratePglite(pgliteDb, { migrationsFolder });
      } catch (e) {
        await client.close();
        throw e;
      }
    }
    const db = pgliteDb as unknown as Database;
    return {
      db,
      kind: 'pglite',
      location: dataDir ? path.resolve(dataDir) : 'memory',
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

async function openPostgres(url: string, max: number, migrate: boolean): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, drop database … with force) must not
  // crash the process: the pool opens a new one on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  if (migrate) {
    try {
      await migratePostgres(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
  }
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, kind: 'postgres', location: safe, close: () => pool.end() };
}

/** Several app processes may start at once against one server: migrate under a lock. */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274001)');
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock(727274001)');
    }
  } finally {
    client.release();
  }
}
