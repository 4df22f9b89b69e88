/**
 * A short hash of everything a migrated test template depends on: the migration files, their
 * journal and the db package's manifest (it pins PGlite exactly, and PGlite's version names the
 * cluster format a dump is in). A template named or stored under this key is stale as soon as
 * any of them changes, so it is never loaded for other migrations.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../client.js';

export function migrationsKey(): string {
  const h = createHash('sha256');
  h.update(fs.readFileSync(path.join(migrationsFolder, '../package.json')));
  for (const name of fs
    .readdirSync(migrationsFolder)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    h.update(name).update(fs.readFileSync(path.join(migrationsFolder, name)));
  }
  h.update(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json')));
  return h.digest('hex').slice(0, 16);
}
