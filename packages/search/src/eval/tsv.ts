/**
 * Strict TSV: UTF-8, one header row, tab-separated, no quote handling, no field contains a
 * tab or a newline. A row whose field count differs from the header's is an error.
 */
import { readFileSync } from 'node:fs';

export type TsvRow = Record<string, string>;

export class TsvError extends Error {}

export function parseTsv(text: string, required: readonly string[] = [], name = 'tsv'): TsvRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new TsvError(`${name}: empty file (no header row)`);
  const header = lines[0]!.split('\t');
  for (const col of required)
    if (!header.includes(col)) throw new TsvError(`${name}: missing column "${col}" (header: ${header.join(', ')})`);
  const rows: TsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    if (cells.length !== header.length) {
      throw new TsvError(`${name}: line ${i + 1} has ${cells.length} fields, the header has ${header.length}`);
    }
    const row: TsvRow = {};
    header.forEach((h, j) => {
      row[h] = cells[j]!;
    });
    rows.push(row);
  }
  return rows;
}

export function readTsv(path: string, required: readonly string[] = []): TsvRow[] {
  return parseTsv(readFileSync(path, 'utf8'), required, path);
}
