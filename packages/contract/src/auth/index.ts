/** Sessions: who is logged in, and the CSRF token the web sends with every unsafe request. */
import { ORGANIZATION_KINDS, ORGANIZATION_STATES, ROLES } from '@scenebridge/domain';
import { z } from 'zod';

/**
 * What the signed-in user may use, as the server's policies decide it (packages/app/src/auth/
 * abilities.ts): the web builds its menu and pages from these answers instead of re-deciding.
 */
export const ABILITIES = [
  'listSubmissions',
  'draft',
  'import',
  'subscribe',
  'expressInterest',
  'curate',
  'review',
  'operate',
  'viewDeals',
  'useBrokerWorkspace',
  'canRegisterContracts',
  'canHandleContractRegistrations',
  'viewDashboard',
] as const;
export type Ability = (typeof ABILITIES)[number];

/** Allowed, or the refusal the route would answer (code and message). */
export const abilityAnswer = z.object({
  allowed: z.boolean(),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AbilityAnswer = z.infer<typeof abilityAnswer>;

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
  abilities: z.object(Object.fromEntries(ABILITIES.map((a) => [a, abilityAnswer])) as Record<Ability, typeof abilityAnswer>),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** Answer of login and of `GET /auth/me`. */
export const session = z.object({ user: sessionUser, csrfToken: z.string() });
export type Session = z.infer<typeof session>;
