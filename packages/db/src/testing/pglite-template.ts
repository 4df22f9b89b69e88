/**
 * Test databases on PGlite start from one migrated cluster instead of each running initdb and
 * every migration (~5 s a test file on this machine). Vitest's global setup dumps the template
 * once per set of migrations and PGlite version (pinned in packages/db/package.json); `createTestDatabase` loads it when present and
 * migrates from scratch otherwise, so a missing or stale template only costs time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../client.js';
import { migrationsKey } from './migrations-key.js';

export const pgliteTemplatePath = (): string => path.join(os.tmpdir(), `scenebridge-pglite-template-${migrationsKey()}.tar`);

/** The dumped template, or undefined when none was made for these migrations. */
export function readPgliteTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(pgliteTemplatePath())]);
  } catch {
    return undefined;
  }
}

/** Makes the template unless it exists; written under a temporary name and renamed, so readers never see half a file. */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplatePath();
  if (fs.existsSync(target)) return target;
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, target);
  } finally {
    await client.close();
  }
  return target;
}
