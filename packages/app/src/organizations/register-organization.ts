import { findOrganizationByCreditCode, findUserByEmail, insertOrganization, insertUser } from '@scenebridge/db';
import type { OrganizationRegistration } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { hashPassword } from '../auth/index.js';
import { inTransaction } from '../shared/index.js';
import { creditCodeTaken, emailTaken, translateUniqueViolation } from './unique.js';

/** Anyone may register; the organisation waits for the operator's review. */
export async function registerOrganization({ services, input }: { services: Services; input: OrganizationRegistration }) {
  const { db } = services;
  if (await findOrganizationByCreditCode(db, input.creditCode)) throw creditCodeTaken();
  if (await findUserByEmail(db, input.admin.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.admin.password);
  try {
    return await inTransaction(services, null, async (tx, events) => {
      const org = await insertOrganization(tx, {
        name: input.name,
        creditCode: input.creditCode,
        kind: input.kind,
        regionCode: input.regionCode,
        address: input.address ?? null,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        status: 'pending',
      });
      const user = await insertUser(tx, {
        organizationId: org.id,
        email: input.admin.email,
        displayName: input.admin.displayName,
        passwordHash,
        roles: ['org_admin'],
      });
      await events.record({
        action: 'organization.registered',
        entityType: 'organization',
        entityId: org.id,
        toState: 'pending',
        data: { name: org.name, creditCode: org.creditCode, adminUserId: user.id, adminEmail: user.email },
      });
      return { organization: org, user };
    });
  } catch (e) {
    translateUniqueViolation(e);
  }
}
