// Once per `vitest run`: the migrated PGlite template every test database starts from
// (packages/db/src/testing/pglite-template.ts). Nothing to do on the PostgreSQL server.
import { ensurePgliteTemplate } from '../packages/db/src/testing/pglite-template.js';

export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) await ensurePgliteTemplate();
}
