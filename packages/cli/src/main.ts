#!/usr/bin/env node
/**
 * scenebridge CLI: bulk import/export and audit verification against the same database and
 * use cases as the server. Acts as a named operator (--as), so every change is audited.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DataDirLockedError, findOrganization, findUserByEmail, listSubmissions } from '@scenebridge/db';
import { DomainError, toCsv, type Role } from '@scenebridge/domain';
import { loadConfig, openServices, type Actor, type Services } from '@scenebridge/server';
import { buildTemplate } from '@scenebridge/app/imports';
import { importSubmissions } from '@scenebridge/app/imports';
import { verifyAuditChain } from '@scenebridge/app/audit';
import { createFirstOperator } from '@scenebridge/app/auth';

const USAGE = `用法 / usage:
  scenebridge template --list-type scenario_need|capability --out FILE.xlsx
  scenebridge import --as OPERATOR_EMAIL --call CALL_ID --file FILE.xlsx [--commit] [--skip-invalid] [--json]
  scenebridge export --as OPERATOR_EMAIL [--call CALL_ID] --format json|csv --out FILE
  scenebridge audit-verify --as OPERATOR_EMAIL
  scenebridge create-operator --email EMAIL --name 姓名 --organization 机构名称 --credit-code 统一社会信用代码 --region 行政区划代码 --phone 电话
    (a new deployment's first operator; prints a generated password once)
Database: DATABASE_URL (PostgreSQL server) or SCENEBRIDGE_DATA_DIR (PGlite folder, default .data/pglite).
Exit codes: 0 ok, 1 import errors or broken audit chain, 2 usage or environment error.`;

/** A mistake in how the CLI was called (exit code 2, message only). */
class UsageError extends Error {}

async function actorFor(services: Services, email: string | undefined): Promise<Actor> {
  if (!email) throw new UsageError('--as OPERATOR_EMAIL is required');
  const user = await findUserByEmail(services.db, email.toLowerCase());
  const org = user && (await findOrganization(services.db, user.organizationId));
  if (!user || !org) throw new UsageError(`no user ${email}`);
  return {
    userId: user.id,
    email: user.email,
    displayName: `${user.displayName} (CLI)`,
    roles: user.roles as Role[],
    organizationId: org.id,
    organizationName: org.name,
    organizationStatus: org.status,
    organizationKind: org.kind,
    sessionId: 'cli',
    csrfToken: 'cli',
  };
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values: o } = parseArgs({
    args: rest,
    allowPositionals: false,
    options: {
      as: { type: 'string' },
      call: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      commit: { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      'list-type': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      organization: { type: 'string' },
      'credit-code': { type: 'string' },
      region: { type: 'string' },
      phone: { type: 'string' },
    },
  });
  if (command === 'template') {
    if (!o.out || (o['list-type'] !== 'scenario_need' && o['list-type'] !== 'capability')) return usage();
    fs.writeFileSync(o.out, await buildTemplate(o['list-type']));
    console.log(`template written to ${o.out}`);
    return 0;
  }
  if (!['import', 'export', 'audit-verify', 'create-operator'].includes(command ?? '')) return usage();
  const { services, handle } = await openServices(loadConfig());
  try {
    if (command === 'create-operator') {
      if (!o.email || !o.name || !o.organization || !o['credit-code'] || !o.region || !o.phone) return usage();
      const r = await createFirstOperator({
        services,
        input: {
          email: o.email,
          displayName: o.name,
          organizationName: o.organization,
          creditCode: o['credit-code'],
          regionCode: o.region,
          contactPhone: o.phone,
        },
      });
      console.log(
        `operator ${r.user.email} created in ${r.organization.name}\npassword (shown once, change it after the first login): ${r.password}`,
      );
      return 0;
    }
    const actor = await actorFor(services, o.as);
    if (command === 'import') {
      if (!o.call || !o.file) return usage();
      const report = await importSubmissions({
        services,
        actor,
        callId: o.call,
        file: fs.readFileSync(o.file),
        mode: o.commit ? 'commit' : 'dry_run',
        skipInvalid: o['skip-invalid'] ?? false,
      }).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'IMPORT_HAS_ERRORS') return { ...(e.details as object), refused: e.message } as never;
        throw e;
      });
      if (o.json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const e of report.errors) console.log(`第${e.row}行 [${e.column}] ${e.code}: ${e.message}`);
        console.log(
          `rows ${report.totalRows}, valid ${report.validRows}, duplicates ${report.duplicates}, created ${report.created}, committed ${report.committed}`,
        );
        if ('refused' in report) console.log(String((report as { refused: string }).refused));
      }
      return report.errors.length > 0 && !report.committed ? 1 : 0;
    }
    if (command === 'audit-verify') {
      const v = await verifyAuditChain({ services, actor });
      console.log(
        v.ok
          ? `audit chain intact: ${v.checked} entries`
          : `audit chain BROKEN at seq ${v.firstBad!.seq} (${v.firstBad!.problem}); ${v.checked} entries verified before it`,
      );
      return v.ok ? 0 : 1;
    }
    if (!o.out || !['json', 'csv'].includes(o.format ?? '')) return usage();
    const items = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await listSubmissions(services.db, { onlySubmitted: true, callId: o.call, limit: 1000, offset });
      items.push(...page.items);
      if (page.items.length < 1000) break;
    }
    if (o.format === 'json') fs.writeFileSync(o.out, JSON.stringify(items, null, 2));
    else {
      const cols = ['id', 'callTitle', 'listType', 'status', 'title', 'organizationName', 'sector', 'regionCode', 'submittedAt'] as const;
      fs.writeFileSync(
        o.out,
        toCsv(
          cols,
          items.map((i) => cols.map((c) => (c === 'submittedAt' ? i.submittedAt?.toISOString() : i[c]))),
        ),
      );
    }
    console.log(`${items.length} submissions written to ${o.out}`);
    return 0;
  } finally {
    await handle.close();
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (e instanceof DataDirLockedError || e instanceof DomainError || e instanceof UsageError) console.error(e.message);
    else console.error(e);
    process.exit(2);
  });
