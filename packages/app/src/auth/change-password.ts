import { claimAuthAttempt, deleteOtherSessions, findUser, resetAuthAttempts, updatePasswordHash } from '@scenebridge/db';
import { DomainError, passwordProblem } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { recordRefusal } from './refusal.js';
import { passwordChangeScope } from './throttle.js';

export async function changePassword({
  services,
  actor,
  currentPassword,
  newPassword,
}: {
  services: Services;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}) {
  const problem = passwordProblem(newPassword, actor.email);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, 400, [{ path: 'newPassword', message: problem }]);
  const user = await findUser(services.db, actor.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  const scope = passwordChangeScope(services.config);
  const claim = await claimAuthAttempt(services.db, user.id, [scope], services.now());
  if (!claim.claimed) {
    await recordRefusal(services, actor, user, scope.scope, {
      action: 'auth.password_change_throttled',
      entityType: 'user',
      entityId: user.id,
      data: { nextAttemptAt: claim.nextAttemptAt.toISOString() },
    });
    const seconds = Math.max(1, Math.ceil((claim.nextAttemptAt.getTime() - services.now().getTime()) / 1000));
    throw new DomainError('PASSWORD_CHANGE_THROTTLED', `当前密码输错次数过多，请${waitText(seconds)}后再试`, 429, {
      retryAfterSeconds: seconds,
    });
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await inTransaction(services, actor, (_tx, events) =>
      events.record({
        action: 'auth.password_change_failed',
        entityType: 'user',
        entityId: user.id,
        data: { attempts: claim.attempts[scope.scope] },
      }),
    );
    throw new DomainError('WRONG_PASSWORD', '当前密码不正确', 400);
  }
  if (currentPassword === newPassword) throw new DomainError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 400);
  const hash = await hashPassword(newPassword);
  await inTransaction(services, actor, async (tx, events) => {
    await resetAuthAttempts(tx, user.id, [scope.scope]);
    await updatePasswordHash(tx, actor.userId, hash);
    await deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await events.record({ action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
  });
}

const waitText = (seconds: number) => (seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`);
