/**
 * The abilities GET /auth/me sends are the routes' own answers: for each kind of user, an ability
 * the session says is refused answers 403 on its route, with the same code, and an allowed one
 * does not.
 */
import { randomUUID } from 'node:crypto';
import type { Ability } from '@scenebridge/contract/auth';
import type { Role } from '@scenebridge/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgUser, platformUser, uploadFile, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const ROUTES: Partial<Record<Ability, (c: Client) => ReturnType<Client['get']>>> = {
  listSubmissions: (c) => c.get('/api/v1/submissions'),
  subscribe: (c) => c.get('/api/v1/subscriptions'),
  import: (c) => uploadFile(c, `/api/v1/imports?callId=${randomUUID()}`, Buffer.from('not a workbook'), 'a.xlsx'),
  review: (c) => c.get('/api/v1/reviews/assignments'),
  operate: (c) => c.get('/api/v1/audit'),
};

const users: Array<[string, () => Promise<{ client: Client }>]> = [
  ['operator', () => platformUser(ctx)],
  ['broker', () => platformUser(ctx, ['broker'] as Role[])],
  ['reviewer', () => platformUser(ctx, ['reviewer'] as Role[])],
  ['approved organisation admin', () => orgUser(ctx)],
  ['approved organisation member', () => orgUser(ctx, { roles: ['org_member'] })],
  ['pending organisation admin', () => orgUser(ctx, { status: 'pending' })],
];

describe('GET /auth/me abilities', () => {
  it.each(users)('%s: each ability answers as its route does', async (_who, make) => {
    const { client } = await make();
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    const abilities = me.json().user.abilities as Record<Ability, { allowed: boolean; refusal: { code: string } | null }>;
    for (const [ability, call] of Object.entries(ROUTES) as Array<[Ability, (c: Client) => ReturnType<Client['get']>]>) {
      const res = await call(client);
      const answer = abilities[ability];
      if (answer.allowed) expect(res.statusCode, ability).not.toBe(403);
      else {
        expect(res.statusCode, ability).toBe(403);
        expect(res.json().error.code, ability).toBe(answer.refusal!.code);
      }
    }
  });
});
