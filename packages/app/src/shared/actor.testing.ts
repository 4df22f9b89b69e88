import type { Actor } from '../context.js';

/** A signed-in caller for pure policy tests (no database): roles, plus whatever a test varies. */
export function testActor(roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: 'u',
    email: 'u@x.cn',
    displayName: 'U',
    roles,
    organizationId: 'o',
    organizationName: 'O',
    organizationStatus: 'approved',
    organizationKind: 'private_enterprise',
    sessionId: 's',
    csrfToken: 't',
    ...overrides,
  };
}
