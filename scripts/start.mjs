// `npm start`: build the web app if it is missing, then run the server in this process
// (one process, so the PGlite data-folder lock belongs to the process you see and stop).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/web/dist/index.html');
if (!fs.existsSync(dist) || process.argv.includes('--rebuild')) {
  console.log('Building the web app (first start only)…');
  execSync('npm run build -w @scenebridge/web', { cwd: root, stdio: 'inherit' });
}
process.chdir(root);
// `npm start` is a developer's or evaluator's local run: demo data and plain-HTTP cookies.
// A deployment runs packages/server/src/main.ts with NODE_ENV=production and gets neither.
process.env.NODE_ENV ??= 'development';
process.env.SCENEBRIDGE_SEED ??= 'auto';
register();
await import('../packages/server/src/main.ts');
