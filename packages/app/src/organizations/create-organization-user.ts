import { findUserByEmail, insertUser } from '@scenebridge/db';
import { DomainError, type Role } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { hashPassword } from '../auth/index.js';
import { inTransaction } from '../shared/index.js';
import { mayGrantRoles, organizationPolicy } from './policy.js';
import { emailTaken, translateUniqueViolation } from './unique.js';
import { findVisibleOrganization } from './visible.js';

export async function createUserInOrganization({
  services,
  actor,
  id,
  input,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: { email: string; displayName: string; password: string; roles: Role[] };
}) {
  const org = await findVisibleOrganization(services.db, actor, id);
  organizationPolicy.authorize(actor, 'manageUsers', org);
  if (!mayGrantRoles(actor, org, input.roles)) throw new DomainError('FORBIDDEN', '机构管理员只能分配机构管理员或机构成员角色', 403);
  if (await findUserByEmail(services.db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(services, actor, async (tx, events) => {
      const user = await insertUser(tx, {
        organizationId: id,
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
      });
      await events.record({
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        data: { organizationId: id, email: user.email, roles: input.roles },
      });
      return user;
    });
  } catch (e) {
    translateUniqueViolation(e);
  }
}
