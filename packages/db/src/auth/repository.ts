import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { organizations, sessions, users } from '../schema.js';

export async function insertSession(db: Executor, s: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The session with its user and organisation, if it exists and has not expired. */
export async function findLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({
      session: { id: sessions.id, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt },
      user: { id: users.id, email: users.email, displayName: users.displayName, roles: users.roles, disabled: users.disabled },
      organization: { id: organizations.id, name: organizations.name, status: organizations.status, kind: organizations.kind },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** After a password change every other session of the user ends. */
export async function deleteOtherSessions(db: Executor, userId: string, keepId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
