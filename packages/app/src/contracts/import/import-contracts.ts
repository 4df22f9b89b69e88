/**
 * 历史技术合同导入 (docs/contracts.md): an XLSX of registered contracts, read by the imports'
 * worker-thread parser (zip guard, sheet limits, memory and time limits), each row checked with
 * the form's rules. A dry run reports every bad row (Excel row, column header, message); a commit
 * writes all rows or none, in one transaction, in batches of a few hundred rows per statement.
 * Idempotent: a row's import key is its registration number (or a hash of the row), and a key
 * already imported is skipped. Imported rows are `registered`, origin `import`; the seller is the
 * platform organisation with the seller's credit code, else the importing organisation holds them.
 */
import { randomUUID } from 'node:crypto';
import {
  existingContractImportKeys,
  existingRegistrationNos,
  findOrganizationsByCreditCodes,
  insertTechContractsBatch,
  type NewTechContract,
} from '@scenebridge/db';
import { DomainError, shanghaiDate, startOfShanghaiDay } from '@scenebridge/domain';
import type { Actor, Services } from '../../context.js';
import { parseRawWorkbook } from '../../imports/index.js';
import { inTransaction } from '../../shared/index.js';
import { contractColumns } from '../content.js';
import { authorizeHandling } from '../policy.js';
import {
  CONTRACT_IMPORT_COLUMNS,
  CONTRACT_IMPORT_HEADERS,
  EXAMPLE_MARKER,
  readContractRow,
  type ContractRowError,
  type ImportedContract,
} from './columns.js';

export interface ContractImportReport {
  mode: 'dry_run' | 'commit';
  totalRows: number;
  validRows: number;
  duplicates: number;
  created: number;
  committed: boolean;
  errors: ContractRowError[];
}

const normaliseHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').replace(/[*※]/g, '');
const KEY_BY_HEADER = new Map<string, string>(CONTRACT_IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

export async function importContracts({
  services,
  actor,
  file,
  mode,
}: {
  services: Services;
  actor: Actor | null;
  file: Buffer;
  mode: 'dry_run' | 'commit';
}): Promise<ContractImportReport> {
  const me = authorizeHandling(actor);
  const now = services.now();
  const today = shanghaiDate(now);
  const table = await parseRawWorkbook(file, CONTRACT_IMPORT_HEADERS);
  const errors: ContractRowError[] = [];
  if (table.headerRow === 0) {
    errors.push({
      row: 1,
      column: '',
      code: 'MISSING_COLUMN',
      message: '未找到表头行（应含“项目名称”“合同类型”等列名），请使用平台下载的模板',
    });
    return { mode, totalRows: 0, validRows: 0, duplicates: 0, created: 0, committed: false, errors };
  }
  // Column index → key; missing required columns are one error for the file.
  const keyAt = new Map<number, string>();
  table.header.forEach((h, i) => {
    const key = typeof h === 'string' ? KEY_BY_HEADER.get(normaliseHeader(h)) : undefined;
    if (key) keyAt.set(i, key);
  });
  const present = new Set(keyAt.values());
  for (const c of CONTRACT_IMPORT_COLUMNS) {
    if (c.required && !present.has(c.key))
      errors.push({ row: table.headerRow, column: c.header, code: 'MISSING_COLUMN', message: `缺少必填列“${c.header}”` });
  }
  if (errors.length) return { mode, totalRows: table.rows.length, validRows: 0, duplicates: 0, created: 0, committed: false, errors };

  const valid: ImportedContract[] = [];
  let totalRows = 0;
  const seenKeys = new Map<string, number>();
  for (const r of table.rows) {
    const cells = new Map<string, ImportedCell>();
    keyAt.forEach((key, i) => cells.set(key, r.values[i] as ImportedCell));
    const name = cells.get('projectName');
    if (typeof name === 'string' && name.startsWith(EXAMPLE_MARKER)) continue;
    totalRows++;
    const read = readContractRow(r.row, cells, today);
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const first = seenKeys.get(read.value.importKey);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: read.value.registrationNo ? '登记编号' : '',
        code: 'DUPLICATE_IN_FILE',
        message: read.value.registrationNo ? `登记编号与第${first}行重复` : `与第${first}行内容完全相同`,
      });
      continue;
    }
    seenKeys.set(read.value.importKey, r.row);
    valid.push(read.value);
  }

  const build = async (db: Services['db'] | Parameters<Parameters<typeof inTransaction>[2]>[0]) => {
    const known = await existingContractImportKeys(
      db,
      valid.map((v) => v.importKey),
    );
    const fresh = valid.filter((v) => !known.has(v.importKey));
    const taken = await existingRegistrationNos(
      db,
      fresh.flatMap((v) => (v.registrationNo ? [v.registrationNo] : [])),
    );
    const rowErrors: ContractRowError[] = [];
    for (const v of fresh) {
      if (v.registrationNo && taken.has(v.registrationNo)) {
        rowErrors.push({ row: v.row, column: '登记编号', code: 'REGISTRATION_NO_TAKEN', message: '该登记编号已被平台上的另一份登记使用' });
      }
    }
    const orgs = new Map(
      (await findOrganizationsByCreditCodes(db, [...new Set(fresh.map((v) => v.input.seller.creditCode).filter(Boolean))])).map((o) => [
        o.creditCode,
        o.id,
      ]),
    );
    const rows: NewTechContract[] = fresh.map((v) => {
      const id = randomUUID();
      const registeredAt = startOfShanghaiDay(v.registeredOn);
      return {
        ...contractColumns(v.input),
        id,
        lineageId: id,
        versionNo: 1,
        kind: 'original',
        sellerOrganizationId: orgs.get(v.input.seller.creditCode) ?? me.organizationId,
        status: 'registered',
        origin: 'import',
        importKey: v.importKey,
        registrationNo: v.registrationNo,
        registeredAt,
        submittedAt: registeredAt,
        acceptedAt: registeredAt,
        createdBy: me.userId,
      };
    });
    return { duplicates: valid.length - fresh.length, rows, rowErrors };
  };

  const reportOf = (b: { duplicates: number; rowErrors: ContractRowError[] }, all: ContractRowError[]) => ({
    mode,
    totalRows,
    validRows: valid.length - b.rowErrors.length,
    duplicates: b.duplicates,
    created: 0,
    committed: false,
    errors: [...all, ...b.rowErrors].sort((a, b) => a.row - b.row),
  });
  const hasErrors = (r: { errors: ContractRowError[] }) =>
    new DomainError('IMPORT_HAS_ERRORS', `有${new Set(r.errors.map((e) => e.row)).size}行有错误，未导入任何一行，请修改后重新上传`, 422, r);

  // A commit of a clean file checks the database once, inside its transaction (a preview outside it
  // would be stale anyway); a dry run, or a file with bad rows, is checked outside any transaction.
  if (mode === 'dry_run' || errors.length) {
    const report = reportOf(await build(services.db), errors);
    if (mode === 'dry_run') return report;
    throw hasErrors(report);
  }

  return inTransaction(services, me, async (tx, events) => {
    const built = await build(tx);
    const report = reportOf(built, errors);
    if (built.rowErrors.length) throw hasErrors(report);
    const { rows, duplicates } = built;
    const created = await insertTechContractsBatch(tx, rows);
    const batchId = randomUUID();
    await events.record({
      action: 'contract.imported',
      entityType: 'tech_contract_import',
      entityId: batchId,
      data: {
        totalRows,
        created,
        duplicates: duplicates + (rows.length - created),
        fileRows: table.rows.length,
        importKeys: rows.length <= 50 ? rows.map((r) => r.importKey) : undefined,
      },
    });
    return { ...report, duplicates: duplicates + (rows.length - created), created, committed: true };
  });
}

type ImportedCell = string | number | boolean | { cellError: string } | undefined;
