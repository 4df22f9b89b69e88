import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, schema } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '@scenebridge/app/config';
import { checkNoDemoAccounts, checkStartSettings, UnsafeStartError } from '@scenebridge/app/startup-checks';
import { createServices } from '@scenebridge/app/services';
import { createTestContext, makeOrganization, makeUser, type TestContext } from '../testing.js';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');

/** Starts the real server process and waits for it to exit (or to say it is running). */
function start(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'error', ...env },
      timeout: 60_000,
    });
    let out = '';
    const take = (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running at')) child.kill('SIGTERM');
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('configuration defaults', () => {
  it('a start without settings is a deployment: no demo data, secure cookies', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ seed: 'never', cookieSecure: true, production: true });
  });

  it('local development keeps plain-HTTP cookies; an explicit COOKIE_SECURE wins', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ cookieSecure: false, production: false });
    expect(loadConfig({ NODE_ENV: 'development', COOKIE_SECURE: 'true' })).toMatchObject({ cookieSecure: true, production: true });
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' })).toMatchObject({ cookieSecure: false, production: true });
  });

  it('demo data in production is refused before anything is opened', () => {
    expect(() => checkStartSettings(loadConfig({ NODE_ENV: 'production', SCENEBRIDGE_SEED: 'auto' }))).toThrow(UnsafeStartError);
    expect(() => checkStartSettings(loadConfig({ COOKIE_SECURE: 'true', SCENEBRIDGE_SEED: 'auto' }))).toThrow(UnsafeStartError);
    expect(() => checkStartSettings(loadConfig({ NODE_ENV: 'development', SCENEBRIDGE_SEED: 'auto' }))).not.toThrow();
  });

  it('a movable clock in production is refused; off unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).timeTravel).toBe(false);
    expect(() => checkStartSettings(loadConfig({ NODE_ENV: 'production', SCENEBRIDGE_TIME_TRAVEL: 'on' }))).toThrow(/TIME_TRAVEL/);
    expect(() => checkStartSettings(loadConfig({ COOKIE_SECURE: 'true', SCENEBRIDGE_TIME_TRAVEL: 'on' }))).toThrow(UnsafeStartError);
    expect(() => checkStartSettings(loadConfig({ NODE_ENV: 'development', SCENEBRIDGE_TIME_TRAVEL: 'on' }))).not.toThrow();
  });
});

describe('demo accounts in a production database', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('are refused in production, allowed in development, and a disabled one no longer counts', async () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    const development = testConfig();
    const org = await makeOrganization(ctx.services, { operator: true });
    const user = await makeUser(ctx.services, org.id, ['operator']);
    const email = `operator@platform.${demo.DEMO_EMAIL_SUFFIX}`;
    await ctx.handle.db.update(schema.users).set({ email }).where(eq(schema.users.id, user.id));
    await expect(checkNoDemoAccounts(production, ctx.services)).rejects.toThrow(email);
    await expect(checkNoDemoAccounts(development, ctx.services)).resolves.toBeUndefined();
    await ctx.handle.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, user.id));
    await expect(checkNoDemoAccounts(production, ctx.services)).resolves.toBeUndefined();
  });
});

describe('the server process', () => {
  it('refuses a production start that asks for demo data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-start-'));
    const r = await start({ NODE_ENV: 'production', SCENEBRIDGE_SEED: 'auto', SCENEBRIDGE_DATA_DIR: path.join(dir, 'data') });
    expect(r.code).toBe(2);
    expect(r.out).toContain('生产环境不能生成演示数据');
    expect(r.out).not.toContain(demo.DEMO_PASSWORD);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  }, 60_000);

  it('refuses a production start on a database with a demo account, and prints no password', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-start-')), 'data');
    const handle = await openDatabase({ dataDir });
    const services = createServices(handle.db, testConfig());
    const org = await makeOrganization(services, { operator: true });
    const user = await makeUser(services, org.id, ['operator']);
    await handle.db
      .update(schema.users)
      .set({ email: `op@${demo.DEMO_EMAIL_SUFFIX}` })
      .where(eq(schema.users.id, user.id));
    await handle.close();
    const r = await start({ NODE_ENV: 'production', SCENEBRIDGE_DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.out).toContain('数据库中存在演示账号，生产环境拒绝启动');
    expect(r.out).not.toContain('is running at');
    expect(r.out).not.toContain(demo.DEMO_PASSWORD);
  }, 60_000);
});
