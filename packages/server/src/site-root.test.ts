import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, makeOrganization, makeUser, type TestContext } from './testing.js';

describe('the site root', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    ctx = await createTestContext({ config: { webDist } });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('sends an anonymous visitor to the public portal, not to a login form', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/public/');
    expect(res.headers['cache-control']).toBe('no-store');
    const portal = await ctx.app.inject({ method: 'GET', url: '/public/' });
    expect(portal.statusCode).toBe(200);
    expect(portal.headers['content-type']).toMatch(/text\/html/);
  });

  it('gives a signed-in user the web app', async () => {
    const org = await makeOrganization(ctx.services);
    const user = await makeUser(ctx.services, org.id, ['org_admin']);
    const client = await login(ctx.app, user.email);
    const res = await client.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    // Other paths of the web app are served as before, with or without a session.
    expect((await ctx.app.inject({ method: 'GET', url: '/login' })).body).toContain('<div id="root">');
  });
});
