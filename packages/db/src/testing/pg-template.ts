/**
 * Test databases on the PostgreSQL server (DATABASE_URL) are copies of one migrated template,
 * `create database … template sb_tpl_<key>`, instead of each running every migration (~1.5 s a
 * test file here, and its drop took longer). Vitest's global setup builds the template once per
 * set of migrations (the key, testing/migrations-key.ts) under an advisory lock, so two runs at
 * once build it once: under a temporary name, renamed when complete, and then closed to
 * connections, since PostgreSQL copies a template only while nobody is connected to it.
 * `createTestDatabase` copies it when it exists and migrates an empty database otherwise, so a
 * missing template only costs time.
 */
import pg from 'pg';
import { openDatabase } from '../client.js';
import { migrationsKey } from './migrations-key.js';

const TEMPLATE_PREFIX = 'sb_tpl_';
/** Held while a template is built or stale ones are dropped (client.ts migrates under 727274001). */
const TEMPLATE_LOCK = 727274002;

export const pgTemplateName = (): string => `${TEMPLATE_PREFIX}${migrationsKey()}`;

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const code = (e: unknown) => (e as { code?: string }).code;

/** Builds the template for the current migrations unless it exists, and drops templates of other migrations. */
export async function ensurePgTemplate(url: string): Promise<string> {
  const name = pgTemplateName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Released when this session ends, whatever happens below.
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      // Left by a run that died while building (the lock says no one is building it now).
      await admin.query(`drop database if exists "${building}" with (force)`);
      await admin.query(`create database "${building}"`);
      const handle = await openDatabase({ url: withDatabase(url, building), poolSize: 1 });
      await handle.close();
      await admin.query(`alter database "${building}" with allow_connections false is_template true`);
      try {
        // Waits (up to 5 s) for the migrating session's backend to go; readers see the name only once complete.
        await admin.query(`alter database "${building}" rename to "${name}"`);
      } catch (e) {
        // 42P04: a run locking another database on this server built it at the same time.
        if (code(e) !== '42P04') throw e;
        await dropTemplate(admin, building);
      }
    }
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like '${TEMPLATE_PREFIX}%' and datname <> $1 and datname <> $2`,
      [name, `${name}_building`],
    );
    // Templates of migrations that changed; a test still copying one finishes first (drop waits for its lock).
    for (const { datname } of stale.rows) await dropTemplate(admin, datname);
  } finally {
    await admin.end();
  }
  return name;
}

async function dropTemplate(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`alter database "${name}" with is_template false`);
  await admin.query(`drop database if exists "${name}" with (force)`);
}

/**
 * Creates database `name` on the server as a copy of the template; false when there is no
 * template for the current migrations (or it cannot be copied now), and then nothing is created.
 */
export async function createFromPgTemplate(admin: pg.Client, name: string): Promise<boolean> {
  try {
    await admin.query(`create database "${name}" template "${pgTemplateName()}"`);
    return true;
  } catch (e) {
    // 3D000: no template for these migrations (no global setup ran, or migrations changed since);
    // 55006: someone is connected to it.
    if (code(e) === '3D000' || code(e) === '55006') return false;
    throw e;
  }
}
