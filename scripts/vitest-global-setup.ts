// Once per `vitest run`: the migrated template every test database starts from — a dumped PGlite
// cluster (packages/db/src/testing/pglite-template.ts) or, with DATABASE_URL, a template database
// on the PostgreSQL server (packages/db/src/testing/pg-template.ts).
import { ensurePgTemplate } from '../packages/db/src/testing/pg-template.js';
import { ensurePgliteTemplate } from '../packages/db/src/testing/pglite-template.js';

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await ensurePgTemplate(url);
  else await ensurePgliteTemplate();
}
