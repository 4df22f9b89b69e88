import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock on its data folder: two processes on one folder silently lose writes.
 * We hold `<dir>.lock` for the life of the process. A lock left by a dead process (same
 * host, PID gone or reused by another program) is moved aside atomically and retaken.
 */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dir: string,
    readonly holder: LockInfo | null,
  ) {
    super(
      holder
        ? `Data folder ${dir} is in use by process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt}). ` +
            `Stop that process first, or set SCENEBRIDGE_DATA_DIR to another folder. ` +
            `数据目录已被另一个进程占用，请先停止该进程。`
        : `Data folder ${dir} is locked by another process. 数据目录已被另一个进程占用。`,
    );
  }
}

interface LockInfo {
  pid: number;
  hostname: string;
  procStart: string | null;
  startedAt: string;
  token: string;
}

export interface DataDirLock {
  lockPath: string;
  release(): void;
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) comes after the command name, which may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function holderIsAlive(info: LockInfo): boolean {
  if (info.hostname !== os.hostname()) return true; // cannot check another host: assume alive
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processStartTime(info.pid);
  return info.procStart === null || now === null || now === info.procStart;
}

function readLock(lockPath: string): LockInfo | null | 'missing' {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return null; // unreadable: a crash while writing it
  }
}

/** Moved-aside locks of earlier recoveries (before they were removed at once): debris, safe to drop while we hold the lock. */
function removeLeftovers(lockPath: string): void {
  const prefix = `${path.basename(lockPath)}.stale-`;
  for (const name of fs.readdirSync(path.dirname(lockPath))) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(path.dirname(lockPath), name), { force: true });
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const abs = path.resolve(dir);
  const lockPath = `${abs}.lock`;
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    procStart: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      const release = () => {
        const current = readLock(lockPath);
        if (current && current !== 'missing' && current.token === mine.token) fs.rmSync(lockPath, { force: true });
        process.removeListener('exit', release);
      };
      process.on('exit', release);
      removeLeftovers(lockPath);
      return { lockPath, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(lockPath);
    if (holder === 'missing') continue;
    if (holder && holderIsAlive(holder)) throw new DataDirLockedError(abs, holder);
    // Stale: rename is atomic, so of two recovering processes only one moves this file; the
    // one that moved it owns the moved copy and removes it (one file per crash would pile up).
    const aside = `${lockPath}.stale-${Date.now()}-${randomUUID().slice(0, 8)}`;
    try {
      fs.renameSync(lockPath, aside);
      fs.rmSync(aside, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new DataDirLockedError(abs, null);
}
