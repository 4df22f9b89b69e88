import { claimAuthAttempt, findUserByEmail, insertSession, resetAuthAttempts, type UserRow } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { inTransaction, type DomainEvent } from '../shared/index.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { recordRefusal } from './refusal.js';
import { resolveSession } from './resolve-session.js';
import { loginScopes } from './throttle.js';
import { newToken, sessionIdOf } from './tokens.js';

/**
 * Unknown, disabled and throttled accounts and wrong passwords all get this, after the same
 * work (one argon2 check), so the answer never tells whether an account exists or is throttled.
 */
const invalid = () => new DomainError('INVALID_CREDENTIALS', '邮箱或密码不正确；多次失败后须稍候再试', 401);

/** Whoever tries to sign in has no session yet: the audit names them 'anonymous'. */
const anonymousEvent = (action: string, user: UserRow, data: Record<string, unknown>): DomainEvent => ({
  action,
  entityType: 'user',
  entityId: user.id,
  data: { email: user.email, ...data },
  actedBy: { userId: null, label: 'anonymous' },
});

/** `clientIp` is the HTTP client's address; callers in this process (benchmarks, scripts) share one counter. */
export async function login({
  services,
  email,
  password,
  clientIp = 'in-process',
}: {
  services: Services;
  email: string;
  password: string;
  clientIp?: string;
}) {
  const { db, config } = services;
  const now = services.now();
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) {
    await burnPasswordCheck(password);
    throw invalid();
  }
  const scopes = loginScopes(config, clientIp);
  // The slot is claimed before the password is checked, so concurrent guesses cannot outrun the count.
  const claim = await claimAuthAttempt(db, user.id, scopes, now);
  if (!claim.claimed) {
    await burnPasswordCheck(password);
    await recordRefusal(
      services,
      null,
      user,
      claim.scope,
      anonymousEvent('auth.login_throttled', user, {
        scope: claim.scope,
        nextAttemptAt: claim.nextAttemptAt.toISOString(),
      }),
    );
    throw invalid();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const client = scopes[0]!.scope;
    await inTransaction(services, null, (_tx, events) =>
      events.record(
        anonymousEvent('auth.login_failed', user, {
          scope: client,
          attempts: claim.attempts[client],
          accountAttempts: claim.attempts['login:*'],
        }),
      ),
    );
    throw invalid();
  }
  const token = newToken();
  const csrfToken = newToken();
  await inTransaction(services, null, async (tx, events) => {
    await resetAuthAttempts(
      tx,
      user.id,
      scopes.map((s) => s.scope),
    );
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionTtlMs),
    });
    // The session is only being made: the user acts, named as every signed-in actor is.
    await events.record({
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      actedBy: { userId: user.id, label: `${user.displayName} <${user.email}>` },
    });
  });
  const actor = await resolveSession({ services, token });
  return { token, actor: actor! };
}
