import { findOrganization, findUserByEmail } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';

/** A demo account as the use cases see it once logged in. */
export async function demoActor(services: Services, email: string): Promise<Actor> {
  const user = await findUserByEmail(services.db, email);
  const org = user && (await findOrganization(services.db, user.organizationId));
  if (!user || !org) throw new Error(`demo account missing: ${email}`);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles as Actor['roles'],
    organizationId: org.id,
    organizationName: org.name,
    organizationStatus: org.status,
    organizationKind: org.kind,
    sessionId: 'demo-seed',
    csrfToken: 'demo-seed',
  };
}
