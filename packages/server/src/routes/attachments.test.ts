import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  createTestContext,
  login,
  makeCall,
  makeUser,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';
import { docxBomb, peakRssGrowth, xlsxBomb } from '@scenebridge/app/uploads/testing';

// ---------------------------------------------------------------------------------------------
// Real files, built in code.

function minimalPdf(extra = ''): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n${extra}`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const b of buf) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** A 2×2 RGB PNG. */
function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF file (SOI + APP0) and the end marker: what content sniffing looks at. */
function tinyJpeg(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, randomBytes(64), Buffer.from([0xff, 0xd9])]);
}

const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

async function minimalDocx(withDocument = true): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', DOCX_CONTENT_TYPES);
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  if (withDocument) {
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>实施方案</w:t></w:r></w:p></w:body></w:document>`,
    );
  } else {
    zip.file(
      'word/styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('readme.txt', '这只是一个普通的压缩包');
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算');
  ws.addRow(['项目', '金额（万元）']);
  ws.addRow(['设备采购', 120]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An MZ/PE header, as a Windows executable starts. */
function fakeExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'ascii');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

// ---------------------------------------------------------------------------------------------

function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = `----sbtest${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

function upload(client: Client, submissionId: string, filename: string, content: Buffer) {
  return client.request('POST', `/api/v1/submissions/${submissionId}/attachments`, undefined, multipart(filename, content));
}

const MEDIA = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

let ctx: TestContext;
let callId: string;
let owner: Awaited<ReturnType<typeof orgUser>>;
let outsider: Client;
let operator: Client;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  callId = (await makeCall(ctx.services)).id;
  owner = await orgUser(ctx);
  outsider = (await orgUser(ctx)).client;
  operator = (await platformUser(ctx)).client;
});
afterAll(async () => {
  await ctx?.close();
});

async function newDraft(complete = true) {
  const res = await owner.client.post('/api/v1/submissions', { callId, data: complete ? scenarioNeedData() : { title: '附件测试草稿' } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function attachmentsOf(id: string) {
  const res = await owner.client.get(`/api/v1/submissions/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().attachments as { id: string; filename: string; mediaType: string; size: number }[];
}

describe('accepted files', () => {
  it('takes PDF, PNG, JPG, DOCX and XLSX by content, with the extension corrected to match', async () => {
    const id = await newDraft();
    const files: [string, Buffer, string, string][] = [
      ['申报书.pdf', minimalPdf(), MEDIA.pdf, '申报书.pdf'],
      ['现场照片.pdf', tinyPng(), MEDIA.png, '现场照片.png'],
      ['scan.png', tinyJpeg(), MEDIA.jpg, 'scan.jpg'],
      ['实施方案.doc', await minimalDocx(), MEDIA.docx, '实施方案.docx'],
      ['预算表', await realXlsx(), MEDIA.xlsx, '预算表.xlsx'],
      ['C:\\fakepath\\..\\合同.pdf', minimalPdf('% contract'), MEDIA.pdf, '合同.pdf'],
    ];
    const created: string[] = [];
    for (const [name, content, mediaType, filename] of files) {
      const res = await upload(owner.client, id, name, content);
      expect(res.statusCode, name).toBe(201);
      expect(res.json()).toMatchObject({ filename, mediaType, size: content.length });
      created.push(res.json().id as string);
    }
    const listed = await attachmentsOf(id);
    expect(listed.map((a) => [a.id, a.filename, a.mediaType])).toEqual(
      expect.arrayContaining(files.map(([, , mediaType, filename], i) => [created[i], filename, mediaType])),
    );
    expect(listed).toHaveLength(files.length);

    const history = (await owner.client.get(`/api/v1/submissions/${id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history.filter((a: string) => a === 'attachment.added')).toHaveLength(files.length);
  });

  it('an org member of the owning organisation may upload too', async () => {
    const id = await newDraft();
    const member = await makeUser(ctx.services, owner.org.id, ['org_member']);
    const client = await login(ctx.app, member.email);
    const res = await upload(client, id, '成员上传.png', tinyPng());
    expect(res.statusCode).toBe(201);
    expect((await attachmentsOf(id)).map((a) => a.filename)).toEqual(['成员上传.png']);
  });
});

describe('refused files', () => {
  it('refuses disguised and unsupported content with 415 UNSUPPORTED_FILE_TYPE, storing nothing', async () => {
    const id = await newDraft();
    const cases: [string, Buffer][] = [
      ['setup.pdf', fakeExe()],
      ['方案.docx', await plainZip()],
      ['空壳.docx', await minimalDocx(false)], // says it is a document, has no word/document.xml
      ['notes.pdf', Buffer.from('这不是PDF，只是一段文字。\n', 'utf8')],
    ];
    for (const [name, content] of cases) {
      const res = await upload(owner.client, id, name, content);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    }
    expect(await attachmentsOf(id)).toEqual([]);
    const history = (await owner.client.get(`/api/v1/submissions/${id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).not.toContain('attachment.added');
  });

  it('refuses a file over 10 MB with 413 FILE_TOO_LARGE, and accepts one of exactly 10 MB', async () => {
    const id = await newDraft();
    const limit = ctx.services.config.maxUploadBytes;
    expect(limit).toBe(10 * 1024 * 1024);
    const pdf = minimalPdf();
    const exact = Buffer.concat([pdf, Buffer.alloc(limit - pdf.length, 0x20)]);
    const over = Buffer.concat([exact, Buffer.from(' ')]);

    const tooBig = await upload(owner.client, id, 'big.pdf', over);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('FILE_TOO_LARGE');
    expect(await attachmentsOf(id)).toEqual([]);

    const ok = await upload(owner.client, id, 'exact.pdf', exact);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ size: limit, mediaType: MEDIA.pdf });
  });

  it('refuses the 21st attachment of a submission with 409 TOO_MANY_ATTACHMENTS', async () => {
    const id = await newDraft();
    const png = tinyPng();
    for (let i = 1; i <= 20; i++) expect((await upload(owner.client, id, `图${i}.png`, png)).statusCode).toBe(201);
    const res = await upload(owner.client, id, '图21.png', png);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TOO_MANY_ATTACHMENTS');
    expect(await attachmentsOf(id)).toHaveLength(20);
  });

  it('refuses an empty file, a request that is not multipart, and a form without a file', async () => {
    const id = await newDraft();
    const empty = await upload(owner.client, id, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('EMPTY_FILE');

    const json = await owner.client.post(`/api/v1/submissions/${id}/attachments`, { file: 'JVBERi0xLjQ=' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('MULTIPART_REQUIRED');

    const boundary = 'sbtestnofile';
    const fieldOnly = await owner.client.request('POST', `/api/v1/submissions/${id}/attachments`, undefined, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n说明\r\n--${boundary}--\r\n`),
    });
    expect(fieldOnly.statusCode).toBe(400);
    expect(fieldOnly.json().error.code).toBe('FILE_REQUIRED');
    expect(await attachmentsOf(id)).toEqual([]);
  });
});

describe('zip bombs', () => {
  it('refuses .docx and .xlsx bombs (honest and lying headers) with 413 ARCHIVE_TOO_LARGE, without inflating them', async () => {
    const id = await newDraft();
    const cases: [string, Buffer][] = [
      ['方案.docx', docxBomb({ megabytes: 100 })], // 1,000:1
      ['方案-小.docx', docxBomb({ megabytes: 100, declaredSize: 20_000 })], // claims 20 KB
      ['预算.xlsx', xlsxBomb({ rows: 2000 })], // 2 million cells
      ['预算-小.xlsx', xlsxBomb({ rows: 2000, declaredSize: 50_000 })],
    ];
    for (const [name, content] of cases) {
      let res: Awaited<ReturnType<typeof upload>> | undefined;
      const { growth, ms } = await peakRssGrowth(async () => {
        res = await upload(owner.client, id, name, content);
      });
      console.info(
        `attachment bomb ${name} (${content.length} bytes): refused in ${ms.toFixed(0)} ms, peak RSS +${(growth / 1e6).toFixed(1)} MB`,
      );
      expect(res!.statusCode, name).toBe(413);
      expect(res!.json().error).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', message: expect.stringMatching(/文件解压后过大.*拆分文件/) });
      expect(growth, name).toBeLessThan(100 * 1024 * 1024);
    }
    expect(await attachmentsOf(id)).toEqual([]);
  });
});

describe('file names', () => {
  it('drops bidi controls and zero-width characters from stored names', async () => {
    const id = await newDraft();
    const names: [string, string][] = [
      ['invoice\u202Efdp.exe.pdf', 'invoicefdp.exe.pdf'],
      ['\u2066合同\u2069\u200B\u200C\u200D\u2060\uFEFF.pdf', '合同.pdf'],
      ['\u202A\u202B\u202C\u202D\u2067\u2068\u200E\u200F\u061C报告.pdf', '报告.pdf'],
      ['\u202E\u200B.pdf', '附件.pdf'],
    ];
    for (const [name, expected] of names) {
      const res = await upload(owner.client, id, name, minimalPdf(name));
      expect(res.statusCode, JSON.stringify(name)).toBe(201);
      expect(res.json().filename).toBe(expected);
    }
    expect((await attachmentsOf(id)).map((a) => a.filename).sort()).toEqual(names.map(([, f]) => f).sort());
  });
});

describe('download and delete', () => {
  it('downloads identical bytes with content type and disposition; only the owner sees a draft’s files', async () => {
    const id = await newDraft();
    const docx = await minimalDocx();
    const up = await upload(owner.client, id, '实施方案 v2.docx', docx);
    expect(up.statusCode).toBe(201);
    const attId = up.json().id as string;

    const res = await owner.client.get(`/api/v1/attachments/${attId}`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, docx)).toBe(0);
    expect(res.headers['content-type']).toBe(MEDIA.docx);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('实施方案 v2.docx')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    for (const client of [outsider, operator]) {
      const denied = await client.get(`/api/v1/attachments/${attId}`);
      expect(denied.statusCode).toBe(404);
      expect(denied.json().error.code).toBe('NOT_FOUND');
    }
    expect((await anonymous(ctx.app).get(`/api/v1/attachments/${attId}`)).statusCode).toBe(401);
    expect((await owner.client.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('another organisation cannot delete; the owner can, and the file is gone', async () => {
    const id = await newDraft();
    const attId = (await upload(owner.client, id, 'a.png', tinyPng())).json().id as string;

    const byOutsider = await outsider.delete(`/api/v1/attachments/${attId}`);
    expect(byOutsider.statusCode).toBe(404);
    expect((await anonymous(ctx.app).delete(`/api/v1/attachments/${attId}`)).statusCode).toBe(401);
    expect((await operator.delete(`/api/v1/attachments/${attId}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/v1/attachments/${attId}`)).statusCode).toBe(200);

    const del = await owner.client.delete(`/api/v1/attachments/${attId}`);
    expect(del.statusCode).toBe(204);
    expect((await owner.client.get(`/api/v1/attachments/${attId}`)).statusCode).toBe(404);
    expect(await attachmentsOf(id)).toEqual([]);
    expect((await owner.client.delete(`/api/v1/attachments/${attId}`)).statusCode).toBe(404);
    const history = (await owner.client.get(`/api/v1/submissions/${id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(['submission.created', 'attachment.added', 'attachment.removed']);
  });

  it('after submit: the operator can download, nobody can add or delete (409 NOT_EDITABLE); after return, the owner can again', async () => {
    const id = await newDraft();
    const pdf = minimalPdf('% submitted');
    const attId = (await upload(owner.client, id, '申报书.pdf', pdf)).json().id as string;
    expect((await owner.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).json().status).toBe('submitted');

    const byOperator = await operator.get(`/api/v1/attachments/${attId}`);
    expect(byOperator.statusCode).toBe(200);
    expect(Buffer.compare(byOperator.rawPayload, pdf)).toBe(0);
    expect((await outsider.get(`/api/v1/attachments/${attId}`)).statusCode).toBe(404);

    const late = await upload(owner.client, id, '补充材料.pdf', minimalPdf());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NOT_EDITABLE');
    const lateDelete = await owner.client.delete(`/api/v1/attachments/${attId}`);
    expect(lateDelete.statusCode).toBe(409);
    expect(lateDelete.json().error.code).toBe('NOT_EDITABLE');
    // The operator sees the submission but is not its owner.
    const opDelete = await operator.delete(`/api/v1/attachments/${attId}`);
    expect(opDelete.statusCode).toBe(403);
    const opUpload = await upload(operator, id, '运营方上传.pdf', minimalPdf());
    expect(opUpload.statusCode).toBe(403);
    expect((await attachmentsOf(id)).map((a) => a.id)).toEqual([attId]);

    await operator.post(`/api/v1/submissions/${id}/transitions`, { action: 'return_for_revision', reason: '请补充材料' });
    const again = await upload(owner.client, id, '补充材料.pdf', minimalPdf('% more'));
    expect(again.statusCode).toBe(201);
    expect(await attachmentsOf(id)).toHaveLength(2);
  });

  it('another organisation cannot upload to a submission that is not theirs', async () => {
    const id = await newDraft();
    const res = await upload(outsider, id, 'intruder.pdf', minimalPdf());
    expect(res.statusCode).toBe(404);
    expect(
      (await anonymous(ctx.app).request('POST', `/api/v1/submissions/${id}/attachments`, undefined, multipart('a.pdf', minimalPdf())))
        .statusCode,
    ).toBe(401);
    expect(await attachmentsOf(id)).toEqual([]);
  });
});
