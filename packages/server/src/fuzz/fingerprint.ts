/**
 * A cheap fingerprint of everything stored: per table of the public schema, the row count and
 * an order-independent sum of row hashes. A refused request must leave it unchanged.
 */
import { sql } from 'drizzle-orm';
import type { TestContext } from '../testing.js';

const SKIP = new Set(['__drizzle_migrations']);

/** Both drivers (PGlite, pg) answer raw SQL with `{ rows }`. */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

let tables: string[] | undefined;

async function tableNames(ctx: TestContext): Promise<string[]> {
  if (tables) return tables;
  const res = await ctx.handle.db.execute(sql`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  tables = rowsOf<{ table_name: string }>(res)
    .map((r) => r.table_name)
    .filter((t) => !SKIP.has(t));
  return tables;
}

export type Fingerprint = Record<string, string>;

export async function fingerprint(ctx: TestContext): Promise<Fingerprint> {
  const names = await tableNames(ctx);
  const parts = names.map(
    (t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from "${t}" x`,
  );
  const res = await ctx.handle.db.execute(sql.raw(parts.join(' union all ')));
  return Object.fromEntries(rowsOf<{ t: string; f: string }>(res).map((r) => [r.t, r.f]));
}

/** Names of the tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
