import {
  appendAuditEvents, claimAuthAttempt, deleteOtherSessions, deleteSession, findLiveSession, findUser, findUserByEmail, forgetIdleAuthAttempts, insertSession,
  noteAttemptRefused, resetAuthAttempts, updatePasswordHash, type NewAuditEvent, type UserRow,
} from '@scenebridge/db';
import { actorFromSession } from './session-cache.js';
import { FORGET_AFTER_SECONDS, loginScopes, passwordChangeScope } from './throttle.js';
import { DomainError, passwordProblem } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import { newToken, sessionIdOf } from './tokens.js';
import { audit, auditEvent } from '../audit/index.js';

/**
 * Unknown, disabled and throttled accounts and wrong passwords all get this, after the same
 * work (one argon2 check), so the answer never tells whether an account exists or is throttled.
 */
const invalid = () => new DomainError('INVALID_CREDENTIALS', '邮箱或密码不正确；多次失败后须稍候再试', 401);

const anonymousEvent = (action: string, user: UserRow, data: Record<string, unknown>): NewAuditEvent => ({
  actorUserId: null, actorLabel: 'anonymous', action, entityType: 'user', entityId: user.id, data: { email: user.email, ...data },
});

/** `clientIp` is the HTTP client's address; callers in this process (benchmarks, scripts) share one counter. */
export async function login({ services, email, password, clientIp = 'in-process' }: {
  services: Services; email: string; password: string; clientIp?: string;
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
    await auditRefusal(services, user, claim.scope, anonymousEvent('auth.login_throttled', user, {
      scope: claim.scope, nextAttemptAt: claim.nextAttemptAt.toISOString(),
    }));
    throw invalid();
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const client = scopes[0]!.scope;
    await db.transaction((tx) => appendAuditEvents(tx, [anonymousEvent('auth.login_failed', user, {
      scope: client, attempts: claim.attempts[client], accountAttempts: claim.attempts['login:*'],
    })]));
    throw invalid();
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await resetAuthAttempts(tx, user.id, scopes.map((s) => s.scope));
    await insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + config.sessionTtlMs) });
    await appendAuditEvents(tx, [{
      actorUserId: user.id, actorLabel: `${user.displayName} <${user.email}>`, action: 'auth.login', entityType: 'user', entityId: user.id,
    }]);
  });
  const actor = await resolveSession({ services, token });
  return { token, actor: actor! };
}

/** One audit row per refused slot, not one per request of a flood. */
async function auditRefusal(services: Services, user: UserRow, scope: string, event: NewAuditEvent) {
  await services.db.transaction(async (tx) => {
    if (await noteAttemptRefused(tx, user.id, scope, services.now())) await appendAuditEvents(tx, [event]);
  });
}

export async function resolveSession({ services, token }: { services: Services; token: string }): Promise<Actor | null> {
  const row = await findLiveSession(services.db, sessionIdOf(token), services.now());
  if (!row || row.user.disabled) return null;
  return actorFromSession(row);
}

export async function logout({ services, actor }: { services: Services; actor: Actor }) {
  await services.db.transaction(async (tx) => {
    await deleteSession(tx, actor.sessionId);
    await audit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword({ services, actor, currentPassword, newPassword }: {
  services: Services; actor: Actor; currentPassword: string; newPassword: string;
}) {
  const problem = passwordProblem(newPassword, actor.email);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, 400, [{ path: 'newPassword', message: problem }]);
  const user = await findUser(services.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  const scope = passwordChangeScope(services.config);
  const claim = await claimAuthAttempt(services.db, user.id, [scope], services.now());
  if (!claim.claimed) {
    await auditRefusal(services, user, scope.scope, auditEvent(actor, {
      action: 'auth.password_change_throttled', entityType: 'user', entityId: user.id, data: { nextAttemptAt: claim.nextAttemptAt.toISOString() },
    }));
    const seconds = Math.max(1, Math.ceil((claim.nextAttemptAt.getTime() - services.now().getTime()) / 1000));
    throw new DomainError('PASSWORD_CHANGE_THROTTLED', `当前密码输错次数过多，请${waitText(seconds)}后再试`, 429, { retryAfterSeconds: seconds });
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await services.db.transaction((tx) => audit(tx, actor, {
      action: 'auth.password_change_failed', entityType: 'user', entityId: user.id, data: { attempts: claim.attempts[scope.scope] },
    }));
    throw new DomainError('WRONG_PASSWORD', '当前密码不正确', 400);
  }
  if (currentPassword === newPassword) throw new DomainError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 400);
  const hash = await hashPassword(newPassword);
  await services.db.transaction(async (tx) => {
    await resetAuthAttempts(tx, user.id, [scope.scope]);
    await updatePasswordHash(tx, actor.userId, hash);
    await deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await audit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
  });
}

const waitText = (seconds: number) => (seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`);

/** Clock job: login and password-change counters nobody has touched within their forget time. */
export async function forgetIdleLoginCounters(services: Services): Promise<number> {
  return forgetIdleAuthAttempts(services.db, new Date(services.now().getTime() - FORGET_AFTER_SECONDS * 1000));
}
