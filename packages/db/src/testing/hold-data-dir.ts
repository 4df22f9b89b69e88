/**
 * Test helper process: opens a PGlite data folder, inserts `count` rows tagged with `label`,
 * prints READY with the row count it sees, then stays alive until killed.
 * Usage: tsx hold-data-dir.ts <dir> <label> <count>
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../client.js';
import { organizations } from '../schema.js';

const [dir, label, countArg] = process.argv.slice(2);
try {
  const handle = await openDatabase({ dataDir: dir! });
  const count = Number(countArg ?? 0);
  for (let i = 0; i < count; i++) {
    await handle.db.insert(organizations).values({
      name: `${label}-${i}`,
      creditCode: `${label}-${i}`,
      kind: 'government',
      regionCode: '500112',
      contactName: '测试',
      contactPhone: '13800000000',
      status: 'pending',
    });
  }
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  process.stdout.write(`READY ${row?.n}\n`);
  setInterval(() => {}, 1 << 30);
} catch (e) {
  process.stdout.write(`FAILED ${(e as { code?: string }).code ?? ''} ${(e as Error).message}\n`);
  process.exit(3);
}
