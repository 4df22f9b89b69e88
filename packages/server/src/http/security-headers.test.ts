import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.js';

function expectHardened(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe('security headers', () => {
  let ctx: TestContext;
  let https: TestContext;
  beforeAll(async () => {
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-web-'));
    fs.writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>',
    );
    ctx = await createTestContext({ config: { webDist } });
    https = await createTestContext({ config: { webDist, cookieSecure: true } });
  });
  afterAll(async () => {
    await ctx?.close();
    await https?.close();
  });

  it('the single-page app, at any of its paths, cannot be framed and runs only its own scripts', async () => {
    for (const url of ['/', '/submissions/123', '/review']) {
      // With a session cookie: the site root sends visitors without one to the portal.
      const res = await ctx.app.inject({ method: 'GET', url, cookies: { sb_session: 'any' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expectHardened(res.headers);
    }
  });

  it('API answers and errors carry them too', async () => {
    expectHardened((await ctx.app.inject({ method: 'GET', url: '/api/v1/meta' })).headers);
    expectHardened((await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).headers);
  });

  it('HSTS and upgrade-insecure-requests only when served over HTTPS', async () => {
    const plain = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await https.app.inject({ method: 'GET', url: '/' });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('the portal keeps its own stricter policy (no scripts at all)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/public' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toContain('script-src');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
