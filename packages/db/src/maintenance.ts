import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Refreshes planner statistics. PGlite runs no autovacuum, so after a bulk load (demo seed,
 * a large import) the planner would otherwise guess and scan.
 */
export async function analyze(db: Executor): Promise<void> {
  await db.execute(sql`analyze`);
}
