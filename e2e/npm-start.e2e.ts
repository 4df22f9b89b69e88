/**
 * `npm start` as the README tells a newcomer to run it: the npm script itself (scripts/start.mjs),
 * not the server module the other journeys start. It must print the URL and every demo login,
 * each of which logs in with the printed password, and the site root must take an anonymous
 * visitor to the public portal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let child: ChildProcess;
let out = '';
let url = '';

beforeAll(async () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-npm-start-')), 'data');
  // Detached: npm runs node as its child, and the whole group is stopped at the end.
  // What a newcomer's shell has: no NODE_ENV or seed setting (npm start chooses them).
  const { NODE_ENV: _n, SCENEBRIDGE_SEED: _s, ...env } = process.env;
  child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...env, DATABASE_URL: '', PORT: '0', SCENEBRIDGE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${out}`)), 150_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is running at (http:\/\/\S+)/.exec(out);
      // The logins follow the URL in the same write; wait for the blank line that ends them.
      if (m && /Demo logins[\s\S]*\n\n/.test(out)) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
});

describe('npm start', () => {
  it('prints the URL and the demo logins, which log in with the printed password', async () => {
    const password = /password for all: (\S+)\)/.exec(out)?.[1];
    expect(password).toBeTruthy();
    const logins = [...out.matchAll(/^ {4}(\S+)\s+(\S+@\S+)\s+\((.+)\)$/gm)].map((m) => ({ role: m[1]!, email: m[2]! }));
    // The platform's accounts and organisation administrators, at least; every one logs in.
    expect(logins.length).toBeGreaterThanOrEqual(4);
    expect(logins.map((l) => l.email)).toContain('operator@cqaiscene.example.cn');
    expect(logins.some((l) => l.role.includes('管理员'))).toBe(true);
    // Login is limited to 20 a minute per client: every platform account, then a spread of the rest.
    const step = Math.ceil(logins.length / 15);
    const tried = logins.filter((l, i) => !l.role.includes('管理员') || i % step === 0 || i === logins.length - 1);
    expect(tried.length).toBeLessThanOrEqual(20);
    for (const l of tried) {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: l.email, password }),
      });
      expect([l.email, res.status]).toEqual([l.email, 200]);
    }
  });

  it('serves the web app and sends an anonymous visitor from / to the portal', async () => {
    const rootRes = await fetch(`${url}/`, { redirect: 'manual' });
    expect([301, 302, 303, 307, 308]).toContain(rootRes.status);
    const portal = await fetch(new URL(rootRes.headers.get('location')!, url));
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('场景');
    const app = await fetch(`${url}/login`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
  });
});
