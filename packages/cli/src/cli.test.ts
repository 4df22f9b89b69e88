import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { insertOrganization, openDatabase, type DatabaseHandle } from '@scenebridge/db';
import { buildWorkbook, sampleCreditCode, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';
import { makeCall, makeOrganization, makeUser, randomCreditCode } from '@scenebridge/server/testing';
import { buildApp, createServices, testConfig, type Services } from '@scenebridge/server';
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
      name: '命令行导入机构',
      creditCode: sampleCreditCode(0),
      kind: 'government',
      regionCode: '500112',
      contactName: '王五',
      contactPhone: '13800138000',
      status: 'approved',
    });
    const call = await makeCall(services);
    await handle.close();

    const file = path.join(dir, 'in.xlsx');
    const rows = [0, 1, 2].map((i) => sampleRow('scenario_need', i, 1));
    rows[1] = { ...rows[1], 所属领域: '不存在的领域' };
    rows[2] = { ...rows[2], 场景名称: '=HYPERLINK("http://evil.example","智能质检")' };
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
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split('\r\n')).toHaveLength(3);
    // The formula a row's title carried is written as text for Excel.
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""智能质检"")"');
    expect(csv).not.toMatch(/(^|,|")=HYPERLINK/m);

    const verify = await cli(['audit-verify', '--as', operator.email], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit chain intact: \d+ entries/);

    handle = await openDatabase({ dataDir: env.SCENEBRIDGE_DATA_DIR });
    // Only the table's owner can edit the trail: the append-only trigger has to go first.
    await handle.db.execute('alter table audit_events disable trigger audit_events_append_only' as never);
    await handle.db.execute("update audit_events set reason = 'edited' where seq = 2" as never);
    await handle.close();
    const broken = await cli(['audit-verify', '--as', operator.email], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at seq 2 (hash_mismatch)');
  }, 300_000);
});

describe('scenebridge create-operator', () => {
  it('creates the first operator of an empty deployment once, with a generated password that logs in', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-cli-op-'));
    const env = { SCENEBRIDGE_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    const input = {
      email: 'Ops@Platform.gov.cn',
      name: '刘主任',
      organization: '重庆市人工智能场景创新促进中心',
      'credit-code': randomCreditCode('12500000'),
      region: '500103',
      phone: '023-63891234',
    };
    const args = (o: Record<string, string>) => ['create-operator', ...Object.entries(o).flatMap(([k, v]) => [`--${k}`, v])];

    const bad = await cli(args({ ...input, 'credit-code': '123' }), env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('creditCode');

    const first = await cli(args(input), env);
    expect(first.code, first.out).toBe(0);
    const password = /password \(shown once[^)]*\): (\S+)/.exec(first.out)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);

    const again = await cli(args({ ...input, email: 'second@platform.gov.cn', 'credit-code': randomCreditCode('12500000') }), env);
    expect(again.code).toBe(2);
    expect(again.out).toContain('平台已有运营方账号');

    const handle = await openDatabase({ dataDir: env.SCENEBRIDGE_DATA_DIR });
    try {
      const app = await buildApp(createServices(handle.db, testConfig()));
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ops@platform.gov.cn', password } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.roles).toEqual(['operator']);
      await app.close();
    } finally {
      await handle.close();
    }
  }, 300_000);
});
