import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { insertOrganization, openDatabase, type DatabaseHandle } from '@scenebridge/db';
import { buildWorkbook, sampleCreditCode, sampleRow } from '@scenebridge/server/import/testing';
import { makeCall, makeOrganization, makeUser } from '@scenebridge/server/testing';
import { createServices, testConfig, type Services } from '@scenebridge/server';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ...env } });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('scenebridge CLI', () => {
  it('imports a workbook (dry run, then commit, then idempotent) and verifies the audit chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));
    const env = { SCENEBRIDGE_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    let handle: DatabaseHandle = await openDatabase({ dataDir: env.SCENEBRIDGE_DATA_DIR });
    const services: Services = createServices(handle.db, testConfig());
    const opOrg = await makeOrganization(services, { operator: true });
    const operator = await makeUser(services, opOrg.id, ['operator']);
    await insertOrganization(services.db, {
      name: '命令行导入机构', creditCode: sampleCreditCode(0), kind: 'government', regionCode: '500112',
      contactName: '王五', contactPhone: '13800138000', status: 'approved',
    });
    const call = await makeCall(services);
    await handle.close();

    const file = path.join(dir, 'in.xlsx');
    const rows = [0, 1, 2].map((i) => sampleRow('scenario_need', i, 1));
    rows[1] = { ...rows[1], 所属领域: '不存在的领域' };
    fs.writeFileSync(file, await buildWorkbook('scenario_need', rows));
    const base = ['--as', operator.email, '--call', call.id, '--file', file];

    const dry = await cli(['import', ...base], env);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('第3行 [所属领域]');

    const refused = await cli(['import', ...base, '--commit'], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('created 0, committed false');

    const ok = await cli(['import', ...base, '--commit', '--skip-invalid'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('created 2, committed true');
    const again = await cli(['import', ...base, '--commit', '--skip-invalid'], env);
    expect(again.out).toContain('duplicates 2, created 0');

    const out = path.join(dir, 'out.csv');
    expect((await cli(['export', '--as', operator.email, '--format', 'csv', '--out', out], env)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').split('\r\n')).toHaveLength(3);

    const verify = await cli(['audit-verify', '--as', operator.email], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit chain intact: \d+ entries/);

    handle = await openDatabase({ dataDir: env.SCENEBRIDGE_DATA_DIR });
    await handle.db.execute("update audit_events set reason = 'edited' where seq = 2" as never);
    await handle.close();
    const broken = await cli(['audit-verify', '--as', operator.email], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at seq 2 (hash_mismatch)');
  }, 120_000);
});
