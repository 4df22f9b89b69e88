import {
  analyze,
  findCall,
  findExistingFingerprints,
  findOrganizationsByCreditCodes,
  insertSubmissionsSkippingDuplicates,
  type NewSubmission,
} from '@scenebridge/db';
import { callAcceptsImportsByOperator, DomainError, notFound, type ListType } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { acceptingSubmissions } from '../calls/index.js';
import { inTransaction } from '../shared/index.js';
import { denormalise } from '../submissions/index.js';
import { authorizeImporter, importPolicy, mayImportFor, mayImportOutsideWindow } from './policy.js';
import { parseWorkbook, type RowError } from './spreadsheet/index.js';

export interface ImportReport {
  mode: 'dry_run' | 'commit';
  listType: ListType;
  totalRows: number;
  validRows: number;
  duplicates: number;
  created: number;
  committed: boolean;
  errors: RowError[];
}

type Row = { row: number; ownerCreditCode: string; data: Record<string, unknown> & { title: string }; fingerprint: string };

async function checkCaller(services: Services, actor: Actor | null, callId: string) {
  const me = authorizeImporter(actor);
  const call = await findCall(services.db, callId);
  if (!call) throw notFound(importPolicy.label);
  importPolicy.authorize(me, 'import', call);
  const ok = mayImportOutsideWindow(me) ? callAcceptsImportsByOperator(call.status) : acceptingSubmissions(call, services.now());
  if (!ok) throw new DomainError('CALL_NOT_OPEN', '该征集当前不接受导入', 409);
  return { me, call };
}

/**
 * Dry run reports every bad row; commit writes all rows or none (unless `skipInvalid`).
 * Each row has a fingerprint (owner + normalised title), so importing a file again skips
 * what is already in and creates nothing new.
 */
export async function importSubmissions({
  services,
  actor,
  callId,
  file,
  mode,
  skipInvalid,
}: {
  services: Services;
  actor: Actor | null;
  callId: string;
  file: Buffer;
  mode: 'dry_run' | 'commit';
  skipInvalid: boolean;
}): Promise<ImportReport> {
  const { me, call } = await checkCaller(services, actor, callId);
  const listType = call.listType as ListType;
  const parsed = await parseWorkbook(file, listType);
  const errors: RowError[] = [...parsed.errors];
  const owners = new Map(
    (await findOrganizationsByCreditCodes(services.db, [...new Set(parsed.rows.map((r) => r.ownerCreditCode))])).map((o) => [
      o.creditCode,
      o,
    ]),
  );
  const ownerColumn = '机构统一社会信用代码';
  const valid: (Row & { organizationId: string })[] = [];
  for (const r of parsed.rows as Row[]) {
    const org = owners.get(r.ownerCreditCode);
    if (!org)
      errors.push({
        row: r.row,
        column: ownerColumn,
        code: 'UNKNOWN_ORGANIZATION' as RowError['code'],
        message: '该统一社会信用代码的机构尚未在平台注册',
      });
    else if (org.status !== 'approved')
      errors.push({
        row: r.row,
        column: ownerColumn,
        code: 'ORGANIZATION_NOT_APPROVED' as RowError['code'],
        message: '该机构尚未通过审核',
      });
    else if (!mayImportFor(me, org.id))
      errors.push({
        row: r.row,
        column: ownerColumn,
        code: 'OWNER_NOT_ALLOWED' as RowError['code'],
        message: '机构管理员只能导入本机构的填报',
      });
    else valid.push({ ...r, organizationId: org.id });
  }
  errors.sort((a, b) => a.row - b.row);
  const existing = await findExistingFingerprints(
    services.db,
    valid.map((r) => r.fingerprint),
  );
  const fresh = valid.filter((r) => !existing.has(r.fingerprint));
  const report: ImportReport = {
    mode,
    listType,
    totalRows: parsed.totalRows,
    validRows: valid.length,
    duplicates: valid.length - fresh.length,
    created: 0,
    committed: false,
    errors,
  };
  if (mode === 'dry_run') return report;
  if (errors.length > 0 && !skipInvalid) {
    throw new DomainError(
      'IMPORT_HAS_ERRORS',
      `有${new Set(errors.map((e) => e.row)).size}行存在错误，未导入任何数据。请修改后重试，或选择跳过错误行`,
      422,
      report,
    );
  }
  const now = services.now();
  const created = await inTransaction(services, me, async (tx, events) => {
    const rows: NewSubmission[] = fresh.map((r) => ({
      callId,
      organizationId: r.organizationId,
      listType,
      status: 'submitted',
      data: r.data,
      ...denormalise(r.data),
      title: r.data.title,
      importFingerprint: r.fingerprint,
      createdBy: me.userId,
      submittedAt: now,
    }));
    const inserted = await insertSubmissionsSkippingDuplicates(tx, rows);
    const batchId = `${callId}:${now.toISOString()}`;
    await events.record(
      ...inserted.map((s) => ({
        action: 'submission.imported',
        entityType: 'submission',
        entityId: s.id,
        toState: 'submitted',
        at: now,
        data: { callId, importBatch: batchId },
      })),
      {
        action: 'import.committed',
        entityType: 'call',
        entityId: callId,
        at: now,
        data: {
          importBatch: batchId,
          totalRows: parsed.totalRows,
          created: inserted.length,
          duplicates: valid.length - inserted.length,
          skippedErrorRows: new Set(errors.map((e) => e.row)).size,
        },
      },
    );
    return inserted.length;
  });
  if (created >= 1000) await analyze(services.db); // keep the planner's picture of the table current
  return { ...report, created, duplicates: valid.length - created, committed: true };
}
