/** Reading the published data for the portal, and turning rows into the publication module's snapshot. */
import { REGIONS, SECTOR_CODES, TECH_FIELD_CODES } from '@scenebridge/domain';
export { correctedAt, toPublishedBatch, toPublishedEntry } from '@scenebridge/app/publication';

export const PAGE_SIZE = 20;
/** Batches offered in the 批次 filter select (newest first). */
export const FILTER_BATCH_LIMIT = 200;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter state of a list page, as it lives in the URL. Unknown values are dropped, never an error. */
export interface ListFilters {
  sector?: string;
  techField?: string;
  regionCode?: string;
  batchId?: string;
  q?: string;
  page: number;
}

const SECTOR_SET = new Set<string>(SECTOR_CODES);
const TECH_SET = new Set<string>(TECH_FIELD_CODES);
const REGION_SET = new Set<string>(REGIONS.map((r) => r.code));

const one = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};

export function parseListFilters(query: Record<string, unknown>): ListFilters {
  const sector = one(query.sector);
  const techField = one(query.techField);
  const regionCode = one(query.regionCode);
  const batchId = one(query.batchId);
  const q = one(query.q)?.slice(0, 100);
  const page = Number.parseInt(one(query.page) ?? '1', 10);
  return {
    sector: sector && SECTOR_SET.has(sector) ? sector : undefined,
    techField: techField && TECH_SET.has(techField) ? techField : undefined,
    regionCode: regionCode && REGION_SET.has(regionCode) ? regionCode : undefined,
    batchId: batchId && UUID_RE.test(batchId) ? batchId.toLowerCase() : undefined,
    q: q || undefined,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  };
}

/** `?sector=…&page=…` for a filter state (only the set fields, in a fixed order). */
export function filterQuery(f: Omit<ListFilters, 'page'> & { page?: number }): string {
  const p = new URLSearchParams();
  for (const k of ['sector', 'techField', 'regionCode', 'batchId', 'q'] as const) if (f[k]) p.set(k, f[k]!);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const pageOf = (raw: unknown): number => {
  const n = Number.parseInt(one(raw) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
};
