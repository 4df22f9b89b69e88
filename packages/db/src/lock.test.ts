import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// One process, not tsx's wrapper + child, so SIGKILL hits the process that holds the lock.
const holder = path.join(here, 'testing/hold-data-dir.ts');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function run(dir: string, label: string, count: number): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dir, label, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no answer from child: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY') || l.startsWith('FAILED'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('READY') || l.startsWith('FAILED'));
      resolve({ child, line: line ?? `EXITED ${out}` });
    });
  });
}

describe('PGlite data-folder lock', () => {
  it('refuses a second lock in the same process and frees it on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lock-'));
    const first = acquireDataDirLock(path.join(dir, 'data'));
    expect(() => acquireDataDirLock(path.join(dir, 'data'))).toThrow(DataDirLockedError);
    first.release();
    acquireDataDirLock(path.join(dir, 'data')).release();
  });

  it('recovers a lock whose process is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lock-'));
    const data = path.join(dir, 'data');
    // A PID far above pid_max cannot be running.
    fs.writeFileSync(`${data}.lock`, JSON.stringify({ pid: 2 ** 30, hostname: os.hostname(), procStart: '1', startedAt: 'x', token: 't' }));
    acquireDataDirLock(data).release();
    expect(fs.existsSync(`${data}.lock`)).toBe(false);
  });

  it('leaves no moved-aside lock files behind, and clears those of earlier crashes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lock-'));
    const data = path.join(dir, 'data');
    fs.writeFileSync(`${data}.lock.stale-1700000000000-abcdef12`, '{}');
    for (let crash = 0; crash < 3; crash++) {
      fs.writeFileSync(
        `${data}.lock`,
        JSON.stringify({ pid: 2 ** 30, hostname: os.hostname(), procStart: '1', startedAt: 'x', token: `t${crash}` }),
      );
      acquireDataDirLock(data).release();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a second process, and after kill -9 of the first a restart keeps every committed row', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lock-')), 'data');
    const first = await run(dir, 'a', 5);
    expect(first.line).toBe('READY 5');

    const second = await run(dir, 'b', 1);
    expect(second.line).toMatch(/^FAILED DATA_DIR_LOCKED .*in use by process/);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(fs.existsSync(`${dir}.lock`)).toBe(true); // the killed process could not clean up

    const third = await run(dir, 'c', 1);
    expect(third.line).toBe('READY 6');
    third.child.kill('SIGKILL');
  });
});
