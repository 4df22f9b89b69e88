import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './client.js';
import { createFromPgTemplate, withDatabase } from './testing/pg-template.js';
import { readPgliteTemplate } from './testing/pglite-template.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default (loaded from the
 * migrated template vitest's global setup dumps, testing/pglite-template.ts), or a new
 * database on the PostgreSQL server named by DATABASE_URL (a copy of the migrated template the
 * global setup builds there, testing/pg-template.ts; dropped on close), so test files run in
 * parallel without sharing state.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  // The template is already migrated; migrating again checks the journal and finds nothing to do.
  if (!url) return openDatabase({ loadDataDir: readPgliteTemplate() });
  const name = `sb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (!(await createFromPgTemplate(admin, name))) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  // A copy of the template is migrated already: migrating checks the journal and finds nothing to do.
  const handle = await openDatabase({ url: withDatabase(url, name), poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      try {
        await a.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
