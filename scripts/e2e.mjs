// `npm run test:e2e`: builds the web app if needed, then runs e2e/*.e2e.ts with vitest.
// Extra arguments go to vitest (CI passes its reporters).
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'packages/web/dist/index.html');
/** Newest modification time under a folder, so a stale build is rebuilt rather than tested. */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
if (!fs.existsSync(built) || newest(path.join(root, 'packages/web/src')) > fs.statSync(built).mtimeMs) {
  execSync('npm run build -w @scenebridge/web', { cwd: root, stdio: 'inherit' });
}
if (!fs.existsSync('/usr/bin/chromium')) {
  console.error('Chromium is missing: apt-get install -y chromium fonts-noto-cjk');
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
