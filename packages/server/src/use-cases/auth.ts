import {
  appendAuditEvents, deleteOtherSessions, deleteSession, findLiveSession, findUser, findUserByEmail, insertSession,
  recordLoginFailure, recordLoginSuccess, updatePasswordHash,
} from '@scenebridge/db';
import { actorFromSession } from '../auth/session-cache.js';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/password.js';
import { newToken, sessionIdOf } from '../auth/tokens.js';
import { audit } from './audit.js';

const invalid = () => new DomainError('INVALID_CREDENTIALS', '邮箱或密码不正确', 401);

export async function login({ services, email, password }: { services: Services; email: string; password: string }) {
  const { db, config } = services;
  const now = services.now();
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) {
    await burnPasswordCheck(password);
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请于${Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000)}分钟后重试`, 423);
  }
  if (user.lockedUntil && user.lockedUntil <= now) {
    await recordLoginSuccess(db, user.id); // the lock has run out: the user gets a fresh set of tries
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + config.lockMinutes * 60_000);
    await db.transaction(async (tx) => {
      const after = await recordLoginFailure(tx, user.id, config.lockAfterFailures, lockUntil);
      const locked = after.failedLogins >= config.lockAfterFailures;
      await appendAuditEvents(tx, [{
        actorUserId: null, actorLabel: 'anonymous', action: locked ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user', entityId: user.id, data: { email: user.email, failedLogins: after.failedLogins },
      }]);
    });
    throw invalid();
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id);
    await insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + config.sessionTtlMs) });
    await appendAuditEvents(tx, [{
      actorUserId: user.id, actorLabel: `${user.displayName} <${user.email}>`, action: 'auth.login', entityType: 'user', entityId: user.id,
    }]);
  });
  const actor = await resolveSession({ services, token });
  return { token, actor: actor! };
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
  const user = await findUser(services.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError('WRONG_PASSWORD', '当前密码不正确', 400);
  }
  if (currentPassword === newPassword) throw new DomainError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 400);
  const hash = await hashPassword(newPassword);
  await services.db.transaction(async (tx) => {
    await updatePasswordHash(tx, actor.userId, hash);
    await deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await audit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
  });
}
