import cookie from '@fastify/cookie';
import { deleteSession } from '@scenebridge/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@scenebridge/app/context';
import {
  createTestContext,
  login,
  makeOrganization,
  makeUser,
  platformUser,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../testing.js';
import { registerAuth, SESSION_COOKIE } from './plugin.js';
import { SessionCache } from '@scenebridge/app/auth';
import { sessionIdOf } from '@scenebridge/app/auth';

function actor(sessionId: string, userId = 'u1'): Actor {
  return {
    userId,
    email: `${userId}@test.example.cn`,
    displayName: '测试用户',
    roles: ['org_admin'],
    organizationId: 'o1',
    organizationName: '测试机构',
    organizationStatus: 'approved',
    organizationKind: 'private_enterprise',
    sessionId,
    csrfToken: 'c',
  };
}

describe('SessionCache', () => {
  const farFuture = new Date(Date.now() + 86400_000);

  it('serves an entry for at most ttlMs of its own clock', () => {
    let t = 0;
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, clock: () => t });
    cache.set(cache.ticket(), actor('s1'), farFuture);
    t = 4999;
    expect(cache.get('s1', new Date())?.userId).toBe('u1');
    t = 5000;
    expect(cache.get('s1', new Date())).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never serves a session past its own expiry on the services clock', () => {
    const cache = new SessionCache({ ttlMs: 60_000, maxEntries: 10, clock: () => 0 });
    const expires = new Date('2026-11-20T12:00:00Z');
    cache.set(cache.ticket(), actor('s1'), expires);
    expect(cache.get('s1', new Date('2026-11-20T11:59:59Z'))).toBeDefined();
    expect(cache.get('s1', expires)).toBeUndefined();
  });

  it('keeps at most maxEntries, forgetting the oldest first', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 2, clock: () => 0 });
    for (const id of ['s1', 's2', 's3']) cache.set(cache.ticket(), actor(id), farFuture);
    expect(cache.size).toBe(2);
    expect(cache.get('s1', new Date())).toBeUndefined();
    expect(cache.get('s3', new Date())).toBeDefined();
  });

  it('does not store a lookup that began before a clear', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, clock: () => 0 });
    const ticket = cache.ticket(); // a lookup starts, reads the database …
    cache.clear(); // … meanwhile a logout in this process empties the cache
    cache.set(ticket, actor('s1'), farFuture);
    expect(cache.get('s1', new Date())).toBeUndefined();
    cache.set(cache.ticket(), actor('s1'), farFuture);
    expect(cache.get('s1', new Date())).toBeDefined();
  });

  it('hands out frozen actors, so one request cannot change what the next one sees', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, clock: () => 0 });
    cache.set(cache.ticket(), actor('s1'), farFuture);
    const a = cache.get('s1', new Date())!;
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.roles)).toBe(true);
  });

  it('caches nothing with a zero TTL', () => {
    const cache = new SessionCache({ ttlMs: 0, maxEntries: 10 });
    cache.set(cache.ticket(), actor('s1'), farFuture);
    expect(cache.size).toBe(0);
  });
});

describe('session cache in the app: this process sees its own changes at once', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    ctx?.setNow(new Date());
  });

  async function freshUser(orgStatus = 'approved') {
    const org = await makeOrganization(ctx.services, { status: orgStatus });
    const user = await makeUser(ctx.services, org.id, ['org_admin']);
    return { org, user };
  }
  /** Two reads, so the session is certainly in the cache. */
  async function warm(client: Client) {
    for (let i = 0; i < 2; i++) expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
  }

  it('logout: the same cookie gets 401 on the very next request', async () => {
    const { user } = await freshUser();
    const client = await login(ctx.app, user.email);
    await warm(client);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/v1/submissions')).statusCode).toBe(401);
  });

  it('password change: the other, cached sessions of the user end at once; the current one stays', async () => {
    const { user } = await freshUser();
    const current = await login(ctx.app, user.email);
    const other = await login(ctx.app, user.email);
    await warm(current);
    await warm(other);
    expect(
      (await current.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Cached2026newpass' })).statusCode,
    ).toBe(204);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await current.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('organisation status change: a cached session of its user shows the new status at once', async () => {
    const { org, user } = await freshUser('pending');
    const client = await login(ctx.app, user.email);
    await warm(client);
    expect((await client.get('/api/v1/auth/me')).json().user.organization.status).toBe('pending');
    const operator = (await platformUser(ctx)).client;
    expect((await operator.post(`/api/v1/organizations/${org.id}/transitions`, { action: 'approve' })).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).json().user.organization.status).toBe('approved');
  });

  it('session expiry: a cached session ends at its expiry time', async () => {
    const { user } = await freshUser();
    const client = await login(ctx.app, user.email);
    await warm(client);
    ctx.setNow(new Date(Date.now() + ctx.services.config.sessionTtlMs + 1000));
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('session cache: changes made by another process are seen within the TTL', () => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let t = 0;
  beforeAll(async () => {
    ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
    // A second "process" on the same database: its own app with its own cache and a fake clock.
    app = Fastify();
    await app.register(cookie);
    await registerAuth(app, ctx.services, new SessionCache({ ttlMs: 5000, maxEntries: 100, clock: () => t }));
    app.get('/api/v1/whoami', async (request, reply) => (request.actor ? { userId: request.actor.userId } : reply.status(401).send({})));
    app.post('/api/v1/poke', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
  });

  async function loggedIn() {
    const org = await makeOrganization(ctx.services);
    const user = await makeUser(ctx.services, org.id, ['org_member']);
    const client = await login(ctx.app, user.email);
    const token = client.cookie!.slice(`${SESSION_COOKIE}=`.length);
    const whoami = () => app.inject({ method: 'GET', url: '/api/v1/whoami', headers: { cookie: client.cookie! } });
    return { user, token, client, whoami };
  }

  it('a session ended elsewhere is still served here until the TTL runs out, then 401', async () => {
    const { user, token, whoami } = await loggedIn();
    t = 0;
    expect((await whoami()).json()).toEqual({ userId: user.id });
    await deleteSession(ctx.services.db, sessionIdOf(token)); // the other process logs out
    t = 4999;
    expect((await whoami()).statusCode).toBe(200); // the documented staleness bound (ADR 0005)
    t = 5000;
    expect((await whoami()).statusCode).toBe(401);
  });

  it('any unsafe request in this process empties the cache', async () => {
    const { token, client, whoami } = await loggedIn();
    t = 100_000;
    expect((await whoami()).statusCode).toBe(200);
    await deleteSession(ctx.services.db, sessionIdOf(token));
    expect((await whoami()).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/v1/poke', headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! } });
    expect((await whoami()).statusCode).toBe(401);
  });
});
