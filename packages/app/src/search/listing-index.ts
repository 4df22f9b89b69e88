/**
 * The in-memory search index of listings (submitted needs and capabilities), kept in step with
 * the database. Each process holds its own copy (processes stay stateless: the database is the
 * truth) and catches up before every search: rows stamped by a transaction at or above the last
 * watermark are read again, so nothing committed late is missed (migration 0007).
 */
import {
  indexProbe,
  listingTexts,
  snapshotXmin,
  listingsChangedSince,
  listSearchSynonyms,
  listSearchTerms,
  vocabularyVersion,
  type Database,
  type ListingRow,
} from '@scenebridge/db';
import { Segmenter, SearchEngine, defaultSynonyms, inferMissingFields, type InferredFields, type SynonymTable } from '@scenebridge/search';
import type { ListType } from '@scenebridge/domain';

export interface ListingFields {
  listType: ListType;
  status: string;
  organizationId: string;
  organizationName: string;
  title: string;
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionCode: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  contactPublic: boolean;
  /** ms since epoch */
  createdAt: number;
  submittedAt: number | null;
  deadline: number | null;
  batchId: string | null;
  batchTitle: string | null;
  publishedAt: number | null;
  /** Sector / technology fields the classifier read from the text where the owner left them empty; matching only. */
  inferred?: InferredFields;
}

const CHUNK = 2000;

/** Drafts are private working copies: they are never searched, matched or counted. */
export function isIndexable(r: Pick<ListingRow, 'status' | 'submittedAt'>): boolean {
  return r.status !== 'draft' && r.submittedAt !== null;
}

export function toFields(r: ListingRow): ListingFields {
  const fields: ListingFields = {
    listType: r.listType as ListType,
    status: r.status,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    title: r.title,
    sector: r.sector,
    sectors: r.sectors,
    techFields: r.techFields,
    regionCode: r.regionCode,
    budgetMin: r.budgetMin,
    budgetMax: r.budgetMax,
    maturityTrl: r.maturityTrl,
    contactPublic: r.contactPublic,
    createdAt: r.createdAt.getTime(),
    submittedAt: r.submittedAt?.getTime() ?? null,
    deadline: r.deadline?.getTime() ?? null,
    batchId: r.batchId,
    batchTitle: r.batchTitle,
    publishedAt: r.publishedAt?.getTime() ?? null,
  };
  const inferred = inferMissingFields(fields, `${r.title}。${r.description}`);
  return inferred ? { ...fields, inferred } : fields;
}

export interface Vocabulary {
  version: number;
  segmenter: Segmenter;
  synonyms: SynonymTable;
  terms: number;
  synonymGroups: number;
}

/** The shipped dictionary and synonyms plus what operators added in the app. */
export async function loadVocabulary(db: Database): Promise<Vocabulary> {
  const version = await vocabularyVersion(db);
  const terms = await listSearchTerms(db);
  const groups = await listSearchSynonyms(db);
  const segmenter = new Segmenter();
  if (terms.length) segmenter.addTerms(terms.map((t) => t.term.term));
  const synonyms = defaultSynonyms();
  for (const { synonym: g } of groups) {
    // Operator phrases must segment whole, or a synonym of "视觉检测" would never be looked up.
    segmenter.addTerms(g.terms.filter((t) => /[\u3400-\u9fff]/.test(t) && t.length >= 2));
    if (g.kind === 'one_way') synonyms.addOneWay([g.terms[0]!], g.terms.slice(1));
    else synonyms.addGroup(g.terms, g.kind === 'equivalent' ? 'equivalent' : 'near');
  }
  return { version, segmenter, synonyms, terms: terms.length, synonymGroups: groups.length };
}

export interface IndexState {
  engine: SearchEngine<ListingFields>;
  /** Recently shown listings' texts (for snippets); a changed listing is dropped from it. */
  texts: TextCache;
  vocabulary: Vocabulary;
  /** Rows stamped at or above this transaction id are read again on the next catch-up. */
  watermark: string | null;
  builtAt: Date;
  buildMs: number;
}

/** A bounded least-recently-used map of listing texts. */
export class TextCache {
  private readonly map = new Map<string, { title: string; text: string }>();
  constructor(private readonly max = 5000) {}
  get(id: string) {
    const v = this.map.get(id);
    if (v) {
      this.map.delete(id);
      this.map.set(id, v);
    }
    return v;
  }
  set(id: string, v: { title: string; text: string }) {
    this.map.delete(id);
    this.map.set(id, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  delete(id: string) {
    this.map.delete(id);
  }
}

function apply(engine: SearchEngine<ListingFields>, rows: ListingRow[], texts?: TextCache): void {
  for (const r of rows) {
    texts?.delete(r.id);
    if (!isIndexable(r)) {
      engine.remove(r.id);
      continue;
    }
    engine.add({ id: r.id, title: r.title, text: `${r.description}\n${r.extraText}`, fields: toFields(r) });
  }
}

/** Reads everything changed since `since` (all when null), CHUNK rows at a time. */
async function readChanges(db: Database, since: string | null, onRows: (rows: ListingRow[]) => void): Promise<void> {
  let after: { xid: string; id: string } | undefined;
  for (;;) {
    const rows = await listingsChangedSince(db, since, CHUNK, after);
    if (rows.length === 0) return;
    onRows(rows);
    if (rows.length < CHUNK) return;
    const last = rows[rows.length - 1]!;
    after = { xid: last.changeXid, id: last.id };
  }
}

export async function buildIndex(db: Database): Promise<IndexState> {
  const started = Date.now();
  const vocabulary = await loadVocabulary(db);
  const watermark = await snapshotXmin(db);
  const engine = new SearchEngine<ListingFields>({ segmenter: vocabulary.segmenter, synonyms: vocabulary.synonyms });
  await readChanges(db, null, (rows) => apply(engine, rows));
  engine.optimize();
  return { engine, texts: new TextCache(), vocabulary, watermark, builtAt: new Date(), buildMs: Date.now() - started };
}

/**
 * Applies what changed since the state's watermark; returns the vocabulary version seen (the
 * caller rebuilds when it differs). Usually one small query: rows are read only when some were
 * written since.
 */
export async function catchUp(db: Database, state: IndexState): Promise<number> {
  const probe = await indexProbe(db, state.watermark);
  if (probe.changed) await readChanges(db, state.watermark, (rows) => apply(state.engine, rows, state.texts));
  state.watermark = probe.xmin;
  return probe.vocabularyVersion;
}

/** Texts of some listings: from the cache, the rest read in one query and kept. */
export async function textsOf(db: Database, state: IndexState, ids: string[]): Promise<Map<string, { title: string; text: string }>> {
  const out = new Map<string, { title: string; text: string }>();
  const missing: string[] = [];
  for (const id of ids) {
    const t = state.texts.get(id);
    if (t) out.set(id, t);
    else missing.push(id);
  }
  if (missing.length) {
    for (const [id, t] of await listingTexts(db, missing)) {
      state.texts.set(id, t);
      out.set(id, t);
    }
  }
  return out;
}
