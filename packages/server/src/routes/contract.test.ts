import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.js';

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

/**
 * Answers that are not JSON: file downloads and the unsubscribe pages, described by their media
 * type. Every "导出 Excel" route ends in /export.xlsx and answers the XLSX media type.
 */
const isExport = (id: string) => id.startsWith('GET /api/v1/') && id.endsWith('/export.xlsx');
const NOT_JSON_LISTED = [
  'GET /api/v1/imports/template',
  'GET /api/v1/attachments/{id}',
  'GET /api/v1/application-attachments/{id}',
  'GET /api/v1/organizations/{id}/licences/{licenceId}',
  'GET /api/v1/calls/{id}/batches/preview/{format}',
  'GET /api/v1/unsubscribe',
  'POST /api/v1/unsubscribe',
  'POST /api/v1/resubscribe',
  'GET /api/v1/contracts/import/template.xlsx',
  'GET /api/v1/contracts/{id}/attachments/{attachmentId}',
  'GET /api/v1/dashboard/report.xlsx',
  'GET /api/v1/policy-digests/{id}/export.docx',
  'GET /api/v1/policy-digests/{id}/export.html',
];
const NOT_JSON = { includes: (id: string) => isExport(id) || NOT_JSON_LISTED.includes(id) };
const schemaOf = (r: { content?: Record<string, { schema?: unknown }> }, media: string) => r.content?.[media]?.schema;

describe('the API contract', () => {
  let ctx: TestContext;
  let operations: Array<{ id: string; op: Operation }>;
  beforeAll(async () => {
    ctx = await createTestContext();
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('covers every operation of the API', () => {
    expect(operations.length).toBeGreaterThanOrEqual(78);
  });

  it('every /api/v1 operation declares the schema of its success answer', () => {
    const missing = operations
      .filter(({ id, op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) return true;
        return success.some(
          ([status, r]) =>
            status !== '204' &&
            !(NOT_JSON.includes(id) ? Object.keys(r.content ?? {}).some((m) => schemaOf(r, m)) : schemaOf(r, 'application/json')),
        );
      })
      .map((o) => o.id);
    expect(missing).toEqual([]);
  });

  it('only the listed downloads and pages answer other than JSON', () => {
    const other = operations
      .filter(({ op }) =>
        Object.entries(op.responses ?? {}).some(
          ([status, r]) => /^2\d\d$/.test(status) && Object.keys(r.content ?? {}).some((m) => m !== 'application/json'),
        ),
      )
      .map((o) => o.id);
    expect(other.filter((id) => !isExport(id)).sort()).toEqual([...NOT_JSON_LISTED].sort());
  });

  it('every 导出 Excel route answers an XLSX file and nothing else', () => {
    const exports = operations.filter(({ id }) => isExport(id));
    expect(exports.map((e) => e.id)).toContain('GET /api/v1/submissions/export.xlsx');
    for (const { id, op } of exports)
      expect([id, Object.keys(op.responses?.['200']?.content ?? {})]).toEqual([
        id,
        ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ]);
  });
});
