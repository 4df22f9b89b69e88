import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { appSettings } from '../schema.js';

export async function getSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row?.value as T | undefined;
}

export async function putSetting(db: Executor, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({
      target: appSettings.key,
      set: { value, updatedAt: sql`now()` },
    });
}

/**
 * Reads a setting and locks its row until the caller's transaction ends, creating it with
 * `initial` first if absent. Jobs that keep a watermark use it so that two processes never
 * scan the same range at the same time: the second waits, then reads the advanced value.
 */
export async function lockSetting<T>(tx: Executor, key: string, initial: T): Promise<T> {
  await tx.insert(appSettings).values({ key, value: initial }).onConflictDoNothing();
  const [row] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).for('update');
  return row!.value as T;
}

/**
 * A random 32-byte secret stored under `key`, created on first use. Concurrent first uses
 * (several app processes starting together) race on the insert; ON CONFLICT DO NOTHING lets
 * exactly one win and every caller then reads that one, so all processes sign alike.
 */
export async function getOrCreateSecret(db: Executor, key: string): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await db
    .insert(appSettings)
    .values({ key, value: { secret: fresh } })
    .onConflictDoNothing();
  const value = await getSetting<{ secret?: unknown }>(db, key);
  if (typeof value?.secret !== 'string') throw new Error(`app_settings ${key} holds no secret`);
  const secret = Buffer.from(value.secret, 'base64');
  if (secret.length < 32) throw new Error(`app_settings ${key}: secret too short`);
  return secret;
}
