import fs, { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '@scenebridge/domain';
import { buildZip, docxBomb } from '../../uploads/testing.js';
import { joinBrokenLines, normaliseText, type PdfLine } from './normalise.js';
import { docxOf, encodeGb18030, pdfOf, pngOf, randomBytes, seedParagraphs } from './read-document.testing.js';
import { readPolicyDocument, type PolicyDocumentUpload } from './read-policy-document.js';

const read = (bytes: Uint8Array, filename = 'policy', mediaType?: string) =>
  readPolicyDocument({ bytes, filename, ...(mediaType === undefined ? {} : { mediaType }) });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const refused = async (p: Promise<unknown>) => {
  const e = await refusal(p);
  return { code: e.code, status: e.status, chinese: /[\u4e00-\u9fff]/.test(e.message) };
};

// Real paragraphs of a seed notice: a heading ending in "：" and numbered measures of several sentences.
let paragraphs: string[];
beforeAll(() => {
  paragraphs = seedParagraphs('000_', ['一、2022年', '1.围绕', '2.围绕', '4.围绕']);
});

describe('readPolicyDocument: Word', () => {
  it('returns the paragraphs of a .docx, one per line, runs joined', async () => {
    const result = await read(await docxOf(paragraphs), '政策.docx');
    expect(result).toEqual({ format: 'docx', text: paragraphs.join('\n') });
  });

  it('goes by the content, not by the name or the declared type', async () => {
    const result = await read(await docxOf(paragraphs.slice(0, 1)), '政策.pdf', 'application/pdf');
    expect(result.format).toBe('docx');
  });

  it('refuses a Word file with no text as having none to read', async () => {
    expect(await refused(read(await docxOf([' ']), 'scan.docx'))).toEqual({ code: 'POLICY_NO_TEXT_LAYER', status: 422, chinese: true });
  });
});

describe('readPolicyDocument: PDF', () => {
  it('joins the lines the page broke mid-sentence and keeps each numbered paragraph, across pages', async () => {
    const pdf = await pdfOf(paragraphs, { pageNumbers: true });
    const result = await read(pdf, '政策.pdf');
    expect(result.pages).toBeGreaterThan(1);
    // Page numbers ("— 2 —") are dropped and sentences that run over a page are joined.
    expect(result).toEqual({ format: 'pdf', text: paragraphs.join('\n'), pages: result.pages });
  });

  it('ends a paragraph at a heading and at an indented line without numbering', async () => {
    const article = seedParagraphs('003_', ['重庆加快建设', '为推动人工智能', '推动全方位赋能', '在“AI+”消费提质方面']);
    const result = await read(await pdfOf(article, { indent: 22, paragraphGap: 0 }));
    expect(result.text).toBe(article.join('\n'));
  });

  it('joins Latin lines with a space and breaks at a blank line', async () => {
    const english = [
      'Science and technology departments shall publish the list of application scenarios every quarter and invite enterprises to apply',
      'Applications received after the deadline will be considered in the following round of the programme',
    ];
    const result = await read(await pdfOf(english, { font: 'helvetica', paragraphGap: 30 }));
    expect(result.text).toBe(english.join('\n'));
  });

  it('refuses a scanned PDF (an image, no text layer) with 422', async () => {
    const scan = await pdfOf([], { image: pngOf() });
    const e = await refusal(read(scan, '扫描件.pdf'));
    expect(e.code).toBe('POLICY_NO_TEXT_LAYER');
    expect(e.status).toBe(422);
    expect(e.message).toContain('扫描件');
  });

  it('refuses a corrupt PDF with 400 INVALID_DOCUMENT', async () => {
    const pdf = await pdfOf(paragraphs.slice(0, 1));
    const broken = Buffer.concat([pdf.subarray(0, 40), randomBytes(2000)]);
    expect(await refused(read(broken, 'a.pdf'))).toEqual({ code: 'INVALID_DOCUMENT', status: 400, chinese: true });
  });

  it("leaves the caller's bytes as they were", async () => {
    const pdf = await pdfOf(paragraphs.slice(0, 1));
    const copy = Buffer.from(pdf);
    await read(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });
});

describe('readPolicyDocument: HTML', () => {
  const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>标题不取</title><style>p { color: red }</style>
<script>document.write("<p>脚本内容</p>");</script></head>
<body><nav>首页 &gt; 政策文件</nav>
<h1>关于印发&ldquo;场景创新&rdquo;措施的通知</h1>
<p>一、支持企业&amp;高校
   联合申报&nbsp;&nbsp;&nbsp;场景项目。</p>
<div>（一）最高支持<b>2000</b>万元。<br>（二）支持周期为2年。</div>
<table><tr><td>责任单位：</td><td>市科技局</td></tr></table>
<!-- 注释不取 --></body></html>`;

  it('takes the text of block elements, drops scripts, styles, navigation and the head, decodes entities', async () => {
    const result = await read(Buffer.from(page, 'utf8'), 'notice.html');
    expect(result).toEqual({
      format: 'html',
      text: [
        '关于印发“场景创新”措施的通知',
        '一、支持企业&高校 联合申报 场景项目。',
        '（一）最高支持2000万元。',
        '（二）支持周期为2年。',
        '责任单位： 市科技局',
      ].join('\n'),
    });
  });

  it('reads a GB18030 page (gb2312 sites)', async () => {
    const gb = encodeGb18030(page.replace('utf-8', 'gb2312').replace(/&[a-z]+;/g, ' '));
    const result = await read(gb, 'notice.htm');
    expect(result.format).toBe('html');
    expect(result.text).toContain('（一）最高支持2000万元。');
  });
});

describe('readPolicyDocument: plain text', () => {
  const lines = ['　　一、支持企业牵头申报。', '', '　　（一）最高  支持2000万元；', '第三条 本办法自印发之日起施行。'];
  const expected = '一、支持企业牵头申报。\n（一）最高 支持2000万元；\n第三条 本办法自印发之日起施行。';

  it('reads UTF-8 with a BOM and CRLF, collapsing indents, spaces and blank lines', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    expect(await read(bytes, 'a.txt')).toEqual({ format: 'txt', text: expected });
  });

  it('reads GB18030 (GBK) text without a label', async () => {
    const bytes = encodeGb18030(lines.join('\n'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // not UTF-8 by accident
    expect(await read(bytes, 'a.txt')).toEqual({ format: 'txt', text: expected });
  });

  it('reads UTF-16 with its BOM (Notepad "Unicode")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\n'), 'utf16le')]);
    expect((await read(bytes, 'a.txt')).text).toBe(expected);
  });

  it('refuses text that is only whitespace', async () => {
    expect((await refusal(read(Buffer.from(' \n\u3000\n', 'utf8')))).code).toBe('POLICY_NO_TEXT_LAYER');
  });
});

describe('readPolicyDocument: refusals', () => {
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('PE\0\0'), randomBytes(500)]);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

  it.each([
    ['a PNG renamed .docx', () => pngOf(), '政策.docx'],
    ['an executable renamed .pdf', () => exe, '政策.pdf'],
    ['random bytes', () => randomBytes(4096), '政策.txt'],
    ['an old .doc', () => ole, '政策.doc'],
    ['a zip that is not a Word file', () => buildZip([{ name: 'readme.txt', data: '一、说明' }]), '政策.docx'],
  ])('refuses %s with 415, by content', async (_, bytes, filename) => {
    const e = await refusal(read(bytes(), filename, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    expect({ code: e.code, status: e.status }).toEqual({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
    expect(e.message).toMatch(/按文件内容识别/);
    expect(e.details).toEqual({ filename, declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });

  it('refuses a zip bomb .docx in the zip guard, before any reader inflates it', async () => {
    const e = await refusal(read(docxBomb({ megabytes: 100 }), 'bomb.docx'));
    expect({ code: e.code, status: e.status, details: e.details }).toEqual({
      code: 'ARCHIVE_TOO_LARGE',
      status: 413,
      details: { reason: 'ratio_too_high', entry: 'word/document.xml' },
    });
  });

  it('refuses a .docx whose declared sizes lie', async () => {
    const e = await refusal(read(docxBomb({ megabytes: 40, declaredSize: 1024 * 1024 }), 'bomb.docx'));
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.details).toMatchObject({ reason: 'size_mismatch' });
  });

  it('refuses a .docx whose XML is broken with 400 INVALID_DOCUMENT', async () => {
    const broken = buildZip([{ name: 'word/document.xml', data: '<w:document><w:body><w:p><w:r><w:t>一、' }]);
    expect(await refused(read(broken, 'a.docx'))).toEqual({ code: 'INVALID_DOCUMENT', status: 400, chinese: true });
  });

  it('refuses an empty file, and one above the size limit before parsing it', async () => {
    expect(await refused(read(Buffer.alloc(0)))).toEqual({ code: 'EMPTY_FILE', status: 400, chinese: true });
    const big: PolicyDocumentUpload = { bytes: Buffer.from('一、'.repeat(600), 'utf8'), filename: 'a.txt' };
    expect(await refused(readPolicyDocument(big, { maxBytes: 1024 }))).toEqual({ code: 'FILE_TOO_LARGE', status: 413, chinese: true });
    expect((await readPolicyDocument(big, { maxBytes: 4096 })).format).toBe('txt');
  });

  it('refuses text above the length limit, PDF included', async () => {
    const txt = { bytes: Buffer.from('一、支持。'.repeat(100), 'utf8'), filename: 'a.txt' };
    const tooLong = { code: 'POLICY_TEXT_TOO_LONG', status: 413, chinese: true };
    expect(await refused(readPolicyDocument(txt, { maxChars: 499 }))).toEqual(tooLong);
    expect((await readPolicyDocument(txt, { maxChars: 500 })).text).toHaveLength(500);
    const pdf = { bytes: await pdfOf(paragraphs), filename: 'a.pdf' };
    expect(await refused(readPolicyDocument(pdf, { maxChars: 300 }))).toEqual(tooLong);
  });
});

describe('joinBrokenLines', () => {
  const line = (text: string, more: Partial<PdfLine> = {}): PdfLine => ({
    text,
    breakBefore: false,
    reach: 'margin',
    indented: false,
    ...more,
  });

  it('joins a line that ends mid-sentence, and breaks before each kind of numbering', () => {
    const markers = ['一、总则', '（一）目标', '(2)范围', '1.条件', '2、材料', '第三条 申报'];
    for (const marker of markers) expect(joinBrokenLines([line('鼓励企业'), line(marker)])).toEqual(['鼓励企业', marker]);
    expect(joinBrokenLines([line('支持金额'), line('最高'), line('2000万元')])).toEqual(['支持金额最高2000万元']);
  });

  it('does not take a decimal or an inline 一是 at the start of a line for numbering', () => {
    expect(joinBrokenLines([line('奖励'), line('1.5亿元以内')])).toEqual(['奖励1.5亿元以内']);
    expect(joinBrokenLines([line('提出，'), line('一是加强')])).toEqual(['提出，一是加强']);
  });

  it('ends a paragraph at 。；：！？ short of the margin, or at the margin when the next line is indented', () => {
    for (const end of ['。', '；', '：', '！', '？', '。”']) {
      expect(joinBrokenLines([line(`予以支持${end}`, { reach: 'near' }), line('申报单位')])).toHaveLength(2);
      expect(joinBrokenLines([line(`予以支持${end}`), line('申报单位', { indented: true })])).toHaveLength(2);
    }
    expect(joinBrokenLines([line('予以支持。'), line('申报单位须')])).toEqual(['予以支持。申报单位须']);
  });

  it('joins a line a few characters short of the margin mid-sentence, but not one well short of it', () => {
    expect(joinBrokenLines([line('用数据创', { reach: 'near' }), line('新”的治理模式')])).toEqual(['用数据创新”的治理模式']);
    expect(joinBrokenLines([line('高等职业教育动态', { reach: 'short' }), line('重庆商务职业学院')])).toHaveLength(2);
    expect(joinBrokenLines([line('重庆加快建设应用高地', { reach: 'near' }), line('为推动人工智能', { indented: true })])).toHaveLength(2);
    expect(joinBrokenLines([line('为推动人工智能和'), line('数字重庆', { indented: true })])).toEqual(['为推动人工智能和数字重庆']);
  });

  it('breaks where the layout says so, and puts a space between Latin words only', () => {
    expect(joinBrokenLines([line('申报'), line('材料', { breakBefore: true })])).toEqual(['申报', '材料']);
    expect(joinBrokenLines([line('apply before'), line('June'), line('在AI'), line('领域')])).toEqual(['apply before June在AI领域']);
  });
});

describe('normaliseText', () => {
  it('keeps one paragraph per line and collapses every kind of space', () => {
    expect(normaliseText('\ufeff　　一、目标\r\n\r\n\t(一)\u00a0\u00a0 任务\u200b\r二、  保障 \n\n\n')).toBe(
      '一、目标\n(一) 任务\n二、 保障',
    );
  });
});

describe('readPolicyDocument writes nothing and fetches nothing', () => {
  const WRITERS = [
    'writeFile',
    'writeFileSync',
    'appendFile',
    'appendFileSync',
    'createWriteStream',
    'mkdir',
    'mkdirSync',
    'mkdtemp',
    'mkdtempSync',
    'rename',
    'renameSync',
    'copyFile',
    'copyFileSync',
    'write',
    'writeSync',
    'unlink',
    'unlinkSync',
  ] as const;
  const PROMISE_WRITERS = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'copyFile', 'unlink'] as const;
  let tmp: string | undefined;
  const savedTmp = process.env.TMPDIR;

  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    if (tmp) rmSync(tmp, { recursive: true });
  });

  it('for every format, read or refused', async () => {
    const inputs = [
      await docxOf(paragraphs),
      await pdfOf(paragraphs),
      await pdfOf([], { image: pngOf() }),
      Buffer.from('<p>一、目标</p>', 'utf8'),
      encodeGb18030('一、目标'),
      docxBomb({ megabytes: 100 }),
      pngOf(),
    ];
    tmp = mkdtempSync(join(tmpdir(), 'policy-read-'));
    process.env.TMPDIR = tmp;
    const spies = [
      ...WRITERS.map((name) => vi.spyOn(fs as unknown as Record<string, () => unknown>, name)),
      ...PROMISE_WRITERS.map((name) => vi.spyOn(fs.promises as unknown as Record<string, () => unknown>, name)),
      vi.spyOn(globalThis, 'fetch'),
    ];
    syncBuiltinESMExports(); // so that `import { writeFile } from 'node:fs'` sees the spies too
    const outcomes = await Promise.all(
      inputs.map((bytes) =>
        read(bytes).then(
          (r) => r.format,
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(outcomes).toEqual(['docx', 'pdf', 'POLICY_NO_TEXT_LAYER', 'html', 'txt', 'ARCHIVE_TOO_LARGE', 'UNSUPPORTED_FILE_TYPE']);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(readdirSync(tmp)).toEqual([]);
  });
});
