/**
 * What a search needs to know of every indexed listing besides its text, in typed arrays
 * indexed by the engine's document numbers: its status and organisation (what the listing
 * policy's view rule reads), its sort keys and its facet values as small numbers (codes). A query can have tens of thousands
 * of hits; reading each hit's fields object to decide visibility and filters, or to count
 * facets, costs a cache miss or three per hit, which at 100,000 listings took longer than
 * scoring. Numbers in arrays do not.
 *
 * Document numbers are never reused and the fields behind one never change (SearchEngine.slots),
 * so the table only ever appends: each use first takes in the numbers given out since.
 */
import type { SearchEngine } from '@scenebridge/search';
import { facetTable } from './facets.js';
import type { ListingFields } from './listing-index.js';
import type { Viewer } from './policy.js';

/** Value arrays kept at most; past it the cache starts again (values asked for come back). */
const MAX_VALUE_ARRAYS = 256;
/** Status sets kept at most: in practice one (what others' listings show) or two. */
const MAX_STATUS_SETS = 16;
/** Stands for any organisation but the viewer's when the view rule is asked about others' listings (no id is empty). */
const ANOTHER_ORGANIZATION = '';

/** Whether document d is marked in any of the byte arrays (one per wanted value, from `valuesOf`). */
export function hasAny(bytes: readonly Uint8Array[], d: number): boolean {
  for (let j = 0; j < bytes.length; j++) if (bytes[j]![d] === 1) return true;
  return false;
}

export class DocTable {
  private upTo = 0;
  /** Status of each document as a small number. */
  private status = new Uint16Array(0);
  private readonly statusCodes = new Map<string, number>();
  private readonly statusValues: string[] = [];
  /** Per set of statuses (key: the sorted statuses), 1 for each document with one of them. */
  private readonly statusSets = new Map<string, { statuses: ReadonlySet<string>; bytes: Uint8Array }>();
  /** Owning organisation of each document as a small number. */
  private organization = new Int32Array(0);
  private readonly organizationCodes = new Map<string, number>();
  /** Sort keys: newest first (ms), deadline (ms, +∞ when none). */
  private newest = new Float64Array(0);
  private deadline = new Float64Array(0);
  /** Facet value codes of document d: codes[offsets[d]] up to codes[offsets[d + 1]]. */
  private offsets = new Int32Array(1);
  private codes = new Int32Array(1024);
  private readonly codeByKey = new Map<string, number>();
  /** For each code: its facet (index into FACETS) and value. */
  readonly facetOf: number[] = [];
  readonly valueOf: string[] = [];
  /** Titles of batch values, from the listings that carry them. */
  readonly batchTitles = new Map<string, string>();
  /** Per code, 1 for each document that has it; made when a filter first asks for the value. */
  private readonly valueArrays = new Map<number, Uint8Array>();

  constructor(private readonly engine: SearchEngine<ListingFields>) {}

  get codeCount(): number {
    return this.valueOf.length;
  }

  /** Takes in the documents added since the last use. */
  sync(): void {
    const slots = this.engine.slots;
    if (slots === this.upTo) return;
    if (slots > this.status.length) this.grow(slots);
    let at = this.offsets[this.upTo]!;
    for (let d = this.upTo; d < slots; d++) {
      const f = this.engine.fieldsAt(d);
      if (f) {
        this.status[d] = this.statusCode(f.status);
        for (const set of this.statusSets.values()) set.bytes[d] = set.statuses.has(f.status) ? 1 : 0;
        this.organization[d] = this.organizationCode(f.organizationId);
        this.newest[d] = f.publishedAt ?? f.submittedAt ?? f.createdAt;
        this.deadline[d] = f.deadline ?? Infinity;
        const table = facetTable(f);
        for (let fi = 0; fi < table.length; fi++) {
          for (const v of table[fi]!) {
            const code = this.codeOf(fi, v);
            if (at === this.codes.length) {
              const c = new Int32Array(at * 2);
              c.set(this.codes);
              this.codes = c;
            }
            this.codes[at++] = code;
            const bytes = this.valueArrays.get(code);
            if (bytes) bytes[d] = 1;
          }
        }
        if (f.batchId && f.batchTitle) this.batchTitles.set(f.batchId, f.batchTitle);
      }
      this.offsets[d + 1] = at;
    }
    this.upTo = slots;
  }

  /**
   * Whether the viewer may see a document: the listing policy's view rule, asked once per status
   * for the viewer's own organisation's listings and once for everyone else's (the rule reads an
   * owner only as the viewer's or another), then read by document from byte arrays.
   */
  visibility(viewer: Viewer): (doc: number) => boolean {
    if (viewer.seesAll) return () => true;
    const sees = viewer.sees ?? (() => false);
    const statuses = this.statusValues;
    const others = statuses.filter((status) => sees({ status, organizationId: ANOTHER_ORGANIZATION }));
    const ownId = viewer.organizationId;
    const own = ownId === null ? -1 : (this.organizationCodes.get(ownId) ?? -1);
    const mine = own === -1 ? others : statuses.filter((status) => sees({ status, organizationId: ownId! }));
    if (mine.length === statuses.length && others.length === statuses.length) return () => true;
    const seen = this.statusSet(others),
      organization = this.organization;
    if (mine.length === statuses.length) return (d) => seen[d] === 1 || organization[d] === own;
    if (mine.length === others.length && mine.every((s, i) => s === others[i])) return (d) => seen[d] === 1;
    const seenOwn = this.statusSet(mine);
    return (d) => (organization[d] === own ? seenOwn : seen)[d] === 1;
  }

  /** One byte array per wanted value of a facet: a document passes when any of them has it (`hasAny`). */
  valuesOf(facet: number, wanted: Iterable<string>): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const v of wanted) {
      const code = this.codeByKey.get(`${facet}:${v}`);
      if (code !== undefined) out.push(this.valueArray(code));
    }
    return out;
  }

  /** Adds 1 to counts[code] for each code of document d whose facet `counted` says yes to. */
  countCodes(d: number, counts: Int32Array, counted: Uint8Array): void {
    const codes = this.codes,
      facetOf = this.facetOf;
    for (let j = this.offsets[d]!, end = this.offsets[d + 1]!; j < end; j++) {
      const c = codes[j]!;
      if (counted[facetOf[c]!]) counts[c] = counts[c]! + 1;
    }
  }

  newestKey(d: number): number {
    return this.newest[d]!;
  }

  deadlineKey(d: number): number {
    return this.deadline[d]!;
  }

  private statusSet(statuses: readonly string[]): Uint8Array {
    const key = [...statuses].sort().join('|');
    let set = this.statusSets.get(key);
    if (set) return set.bytes;
    if (this.statusSets.size >= MAX_STATUS_SETS) this.statusSets.clear();
    const wanted = Uint8Array.from(this.statusValues, (s) => (statuses.includes(s) ? 1 : 0));
    const bytes = new Uint8Array(this.status.length);
    const status = this.status;
    for (let d = 0; d < this.upTo; d++) bytes[d] = wanted[status[d]!]!;
    set = { statuses: new Set(statuses), bytes };
    this.statusSets.set(key, set);
    return bytes;
  }

  private valueArray(code: number): Uint8Array {
    let bytes = this.valueArrays.get(code);
    if (bytes) return bytes;
    if (this.valueArrays.size >= MAX_VALUE_ARRAYS) this.valueArrays.clear();
    bytes = new Uint8Array(this.status.length);
    const codes = this.codes,
      offsets = this.offsets;
    for (let d = 0; d < this.upTo; d++) {
      for (let j = offsets[d]!, end = offsets[d + 1]!; j < end; j++)
        if (codes[j] === code) {
          bytes[d] = 1;
          break;
        }
    }
    this.valueArrays.set(code, bytes);
    return bytes;
  }

  private codeOf(facet: number, value: string): number {
    const key = `${facet}:${value}`;
    let code = this.codeByKey.get(key);
    if (code === undefined) {
      code = this.valueOf.length;
      this.codeByKey.set(key, code);
      this.facetOf.push(facet);
      this.valueOf.push(value);
    }
    return code;
  }

  private statusCode(status: string): number {
    let code = this.statusCodes.get(status);
    if (code === undefined) {
      code = this.statusValues.length;
      this.statusCodes.set(status, code);
      this.statusValues.push(status);
    }
    return code;
  }

  private organizationCode(id: string): number {
    let code = this.organizationCodes.get(id);
    if (code === undefined) {
      code = this.organizationCodes.size;
      this.organizationCodes.set(id, code);
    }
    return code;
  }

  private grow(slots: number): void {
    const cap = Math.max(slots, this.status.length * 2, 1024);
    const widen = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(a: T, make: (n: number) => T, extra = 0): T => {
      const b = make(cap + extra);
      b.set(a);
      return b;
    };
    this.status = widen(this.status, (n) => new Uint16Array(n));
    this.organization = widen(this.organization, (n) => new Int32Array(n));
    this.newest = widen(this.newest, (n) => new Float64Array(n));
    this.deadline = widen(this.deadline, (n) => new Float64Array(n));
    this.offsets = widen(this.offsets, (n) => new Int32Array(n), 1);
    for (const [code, bytes] of this.valueArrays)
      this.valueArrays.set(
        code,
        widen(bytes, (n) => new Uint8Array(n)),
      );
    for (const set of this.statusSets.values()) set.bytes = widen(set.bytes, (n) => new Uint8Array(n));
  }
}

const tables = new WeakMap<SearchEngine<ListingFields>, DocTable>();

/** The engine's table, brought up to date. */
export function docTableOf(engine: SearchEngine<ListingFields>): DocTable {
  let t = tables.get(engine);
  if (!t) {
    t = new DocTable(engine);
    tables.set(engine, t);
  }
  t.sync();
  return t;
}
