/**
 * Atom 1.0 (RFC 4287) feed of published batches, newest first.
 * - feed id: the alternate URL `${baseUrl}/public/batches` (a permanent IRI, as RFC 4287 allows);
 *   rel=self: `opts.selfUrl` or `${baseUrl}/public/batches.atom`.
 * - entry id: `urn:uuid:<id>` when the batch id is a UUID, otherwise a tag URI
 *   `tag:<host>,<publication date>:batch/<id>` — both never change for a batch.
 * - entry updated: the later of publication and the newest correction in the batch, so a
 *   correction resurfaces the batch in readers; published: the publication time.
 * - summary: 共N项 and the first few entry names.
 * Every text and attribute goes through xmlEscape.
 */
import { batchUpdatedAt, LIST_TYPE_LABEL, orderedEntries, toRfc3339 } from './format.js';
import type { PublishedBatch } from './types.js';
import { xmlEscape } from './xml.js';

export interface AtomOptions {
  /** Public site root, e.g. https://scene.example.cn (a trailing slash is ignored). */
  baseUrl: string;
  feedTitle: string;
  /** Feed-level updated; defaults to the latest batch update, or 1970-01-01 for an empty feed (deterministic). */
  updated?: string;
  /** URL the feed itself is served at (rel=self); defaults to `${baseUrl}/public/batches.atom`. */
  selfUrl?: string;
  /** Feed author; defaults to '场景桥 SceneBridge'. Each entry's author is its batch's issuer. */
  authorName?: string;
  /** How many entry names the summary lists (default 5). */
  summaryNames?: number;
  /** Path of the HTML list the feed mirrors (feed id, rel=alternate) and of its batches; default '/public/batches'. */
  listPath?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EPOCH = '1970-01-01T00:00:00.000Z';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function batchUrl(baseUrl: string, batchId: string, listPath = '/public/batches'): string {
  return `${trimSlash(baseUrl)}${listPath}/${encodeURIComponent(batchId)}`;
}

export function atomEntryId(batch: Pick<PublishedBatch, 'id' | 'publishedAt'>, baseUrl: string): string {
  if (UUID.test(batch.id)) return `urn:uuid:${batch.id.toLowerCase()}`;
  const host = new URL(baseUrl).hostname;
  return `tag:${host},${toRfc3339(batch.publishedAt).slice(0, 10)}:batch/${encodeURIComponent(batch.id)}`;
}

export function batchSummary(batch: PublishedBatch, names = 5): string {
  const entries = orderedEntries(batch);
  if (entries.length === 0) return '共0项。';
  const shown = entries.slice(0, names).map((e) => e.name);
  return `共${entries.length}项：${shown.join('、')}${entries.length > shown.length ? '等' : ''}。`;
}

export function batchesToAtom(batches: PublishedBatch[], opts: AtomOptions): string {
  const base = trimSlash(opts.baseUrl);
  const listPath = opts.listPath ?? '/public/batches';
  const selfUrl = opts.selfUrl ?? `${base}${listPath}.atom`;
  const alternate = `${base}${listPath}`;
  const rows = batches
    .map((b) => ({ batch: b, updated: toRfc3339(batchUpdatedAt(b)), published: toRfc3339(b.publishedAt) }))
    .sort((a, b) => b.published.localeCompare(a.published) || a.batch.id.localeCompare(b.batch.id));
  const feedUpdated = opts.updated ? toRfc3339(opts.updated) : rows.reduce((acc, r) => (r.updated > acc ? r.updated : acc), EPOCH);

  const t = xmlEscape;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${t(alternate)}</id>`,
    `  <title>${t(opts.feedTitle)}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${t(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${t(alternate)}"/>`,
    `  <author><name>${t(opts.authorName ?? '场景桥 SceneBridge')}</name></author>`,
    '  <generator>SceneBridge</generator>',
  ];
  for (const { batch, updated, published } of rows) {
    out.push(
      '  <entry>',
      `    <id>${t(atomEntryId(batch, base))}</id>`,
      `    <title>${t(batch.title)}</title>`,
      `    <updated>${updated}</updated>`,
      `    <published>${published}</published>`,
      `    <link rel="alternate" type="text/html" href="${t(batchUrl(base, batch.id, listPath))}"/>`,
      `    <author><name>${t(batch.issuer)}</name></author>`,
      `    <category term="${t(batch.listType)}" label="${t(LIST_TYPE_LABEL[batch.listType])}"/>`,
      `    <summary type="text">${t(batchSummary(batch, opts.summaryNames))}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
