/**
 * Starts the real server (PGlite in a temporary folder, demo data seeded) on a free port
 * and a headless Debian Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = path.join(root, 'e2e/screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<E2eServer> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-')), 'data');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
    cwd: root,
    // E2E always runs on its own PGlite folder, whatever DATABASE_URL says.
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      SCENEBRIDGE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CLOCK_INTERVAL_SECONDS: '2',
      // Every journey signs in as several users from 127.0.0.1; the default 20 a minute is for the public.
      LOGIN_RATE_LIMIT_PER_MINUTE: '300',
      NODE_ENV: 'development',
      SCENEBRIDGE_SEED: 'auto',
      // Journeys live through a 公示 period by moving the clock (POST /api/v1/dev/clock).
      SCENEBRIDGE_TIME_TRAVEL: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
