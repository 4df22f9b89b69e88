import { and, eq, like, or, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { users } from './schema.js';

/**
 * Refreshes planner statistics. PGlite runs no autovacuum, so after a bulk load (demo seed,
 * a large import) the planner would otherwise guess and scan.
 */
export async function analyze(db: Executor): Promise<void> {
  await db.execute(sql`analyze`);
}

/**
 * Accounts made by the demo-data generator: their e-mails end in the demo domain, and their
 * password is published in the README. A deployment must not start with any of them enabled.
 */
export async function findDemoAccounts(db: Executor, emailDomain: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.disabled, false), or(like(users.email, `%@${emailDomain}`), like(users.email, `%.${emailDomain}`))))
    .orderBy(users.email)
    .limit(20);
  return rows.map((r) => r.email);
}

/** Enabled operator accounts: none means the platform still needs its first one (`scenebridge create-operator`). */
export async function countActiveOperators(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.disabled, false), sql`'operator' = any(${users.roles})`));
  return row?.n ?? 0;
}
