/**
 * Test data built in code (no binary fixtures in the repository): 统一社会信用代码, a small valid PDF,
 * Beijing-time strings for the antd pickers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** GB 32100-2015 alphabet (no I, O, Z, S, V) and weights. */
export const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid character ${first17[i]} at ${i}`);
    sum += v * CC_WEIGHTS[i]!;
  }
  return CC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * A valid code unique per run: 9 (工商) 1 (企业) 500112 (渝北区) + 9 characters derived from the
 * clock and a random number, + the check character. Also returns a copy with a wrong check character.
 */
export function uniqueCreditCode(seed = Date.now()): { valid: string; wrongCheck: string } {
  let n = BigInt(seed) * 1000n + BigInt(Math.floor(Math.random() * 1000));
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = CC_ALPHABET[Number(n % 31n)]! + body;
    n /= 31n;
  }
  const first17 = `91500112${body}`;
  const check = creditCodeCheckChar(first17);
  const wrong = CC_ALPHABET[(CC_ALPHABET.indexOf(check) + 7) % 31]!;
  return { valid: first17 + check, wrongCheck: first17 + wrong };
}

/** A minimal but well-formed one-page PDF (correct xref offsets), as bytes. */
export function tinyPdf(text = 'SceneBridge E2E attachment'): Buffer {
  const stream = `BT /F1 14 Tf 24 60 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Writes `content` as `name` into a fresh temporary folder; returns the full path. */
export function tempFile(name: string, content: Buffer | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-files-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** `YYYY-MM-DD HH:mm` in Beijing time (UTC+8, no DST) for an instant. */
export function beijing(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
