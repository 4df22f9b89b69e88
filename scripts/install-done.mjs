// Root postinstall: the repository's .npmrc keeps npm silent (a benchmark's `--json` output must be
// the only thing on stdout, shared/BENCH.md), so without this line `npm install` would end without
// a word. npm ≥ 7 runs a root preinstall only after the packages are in place, so an install cannot
// report its own progress from here; the README points to `npm install --loglevel=http` for that.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');
let packages = 0;
for (const e of fs.readdirSync(modules, { withFileTypes: true })) {
  if (!e.isDirectory() || e.name.startsWith('.')) continue;
  packages += e.name.startsWith('@') ? fs.readdirSync(path.join(modules, e.name)).length : 1;
}
process.stderr.write(`SceneBridge：依赖安装完成（${packages} 个包）。下一步：npm start 启动（含演示数据），npm test 运行全部测试。\n`);
