/** Sessions: who is logged in, and the CSRF token the web sends with every unsafe request. */
import { ORGANIZATION_KINDS, ORGANIZATION_STATES, ROLES } from '@scenebridge/domain';
import { z } from 'zod';

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(ORGANIZATION_STATES),
    kind: z.enum(ORGANIZATION_KINDS),
  }),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** Answer of login and of `GET /auth/me`. */
export const session = z.object({ user: sessionUser, csrfToken: z.string() });
export type Session = z.infer<typeof session>;
