import { Rng } from '../random.js';
import { DomainError, notFound } from '../errors.js';

/**
 * Who reviews what. A reviewer never sees an item from their own organisation or from an
 * organisation they declared a relation with, and never one they declared a conflict on.
 * An item may come from several organisations (a consortium's lead and members): any one of
 * them conflicts.
 * Within those rules the work is spread as evenly as the rules allow (see `assignReviewers`).
 */

export interface ReviewItem {
  id: string;
  /** Every organisation behind the item: one for a submission, lead + members for a consortium. */
  organizationIds: readonly string[];
}
export interface Reviewer {
  id: string;
  organizationId: string | null;
  relatedOrganizationIds: readonly string[];
}
export interface Assignment {
  itemId: string;
  reviewerId: string;
}

export function isConflicted(reviewer: Reviewer, item: ReviewItem): boolean {
  return item.organizationIds.some(
    (org) => (reviewer.organizationId !== null && reviewer.organizationId === org) || reviewer.relatedOrganizationIds.includes(org),
  );
}

/** Why an existing assignment was not kept. */
export type DroppedReason = 'CONFLICT_OF_INTEREST' | 'CONFLICT_DECLARED' | 'DUPLICATE' | 'UNKNOWN_ITEM' | 'UNKNOWN_REVIEWER';

export interface AssignInput {
  items: readonly ReviewItem[];
  reviewers: readonly Reviewer[];
  /** Reviewers wanted per item. */
  k: number;
  /** Assignments already made (kept when still valid; they count towards load). */
  existing?: readonly Assignment[];
  /** Pairs where the reviewer declared a conflict: never assigned again. */
  excluded?: readonly Assignment[];
  /** Tie-break between equally loaded reviewers; the same seed gives the same result. */
  seed?: number;
}
/** An item that has fewer than k eligible reviewers: it got all of them. */
export interface Shortfall {
  itemId: string;
  /** k */
  needed: number;
  eligible: number;
}
export interface AssignResult {
  /** Every assignment after this run: kept existing ones and added ones, by item then reviewer input order. */
  assignments: Assignment[];
  /** Only the new ones (what the caller inserts). */
  added: Assignment[];
  /** Existing assignments that break the rules now (e.g. a relation declared since). */
  dropped: { assignment: Assignment; reason: DroppedReason }[];
  shortfalls: Shortfall[];
}

// Cell states of the item × reviewer grid.
const FREE = 0;
const BLOCKED = 1; // conflicted or declared conflict
const FIXED = 2; // existing, kept; never moved
const NEW = 3; // made by this run; the balancer may move it

/** The item × reviewer grid and loads; shared by bulk assignment and single reassignment. */
interface Pool {
  items: readonly ReviewItem[];
  reviewers: readonly Reviewer[];
  R: number;
  cell: Uint8Array;
  load: Int32Array;
  /** Per item, reviewer indices that may review it (FREE, FIXED or NEW cells), in input order. */
  eligible: number[][];
  fixedCount: Int32Array;
  /** Seeded position of each reviewer, the last tie-break. */
  rank: Int32Array;
  itemIndex: Map<string, number>;
  reviewerIndex: Map<string, number>;
  dropped: AssignResult['dropped'];
  rng: Rng;
}

function indexById(list: readonly { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach((x, i) => {
    if (index.has(x.id)) throw new DomainError('DUPLICATE_ID', `${what}重复：${x.id}`);
    index.set(x.id, i);
  });
  return index;
}

function buildPool(input: AssignInput): Pool {
  const { items, reviewers } = input;
  if (!Number.isInteger(input.k) || input.k < 0) throw new DomainError('INVALID_K', '每项评审专家人数须为非负整数');
  const itemIndex = indexById(items, '评审对象');
  const reviewerIndex = indexById(reviewers, '评审专家');
  const R = reviewers.length;
  const cell = new Uint8Array(items.length * R);
  // Same rule as isConflicted, with sets: a reviewer may list hundreds of relations.
  const blocked = reviewers.map(
    (r) => new Set(r.organizationId === null ? r.relatedOrganizationIds : [r.organizationId, ...r.relatedOrganizationIds]),
  );
  items.forEach((item, i) => {
    blocked.forEach((orgs, r) => {
      if (item.organizationIds.some((org) => orgs.has(org))) cell[i * R + r] = BLOCKED;
    });
  });
  for (const x of input.excluded ?? []) {
    const i = itemIndex.get(x.itemId);
    const r = reviewerIndex.get(x.reviewerId);
    if (i !== undefined && r !== undefined) cell[i * R + r] = BLOCKED;
  }

  const load = new Int32Array(R);
  const fixedCount = new Int32Array(items.length);
  const dropped: AssignResult['dropped'] = [];
  for (const a of input.existing ?? []) {
    const i = itemIndex.get(a.itemId);
    const r = reviewerIndex.get(a.reviewerId);
    const drop = (reason: DroppedReason) => dropped.push({ assignment: { itemId: a.itemId, reviewerId: a.reviewerId }, reason });
    if (i === undefined) drop('UNKNOWN_ITEM');
    else if (r === undefined) drop('UNKNOWN_REVIEWER');
    else if (cell[i * R + r] === FIXED) drop('DUPLICATE');
    else if (cell[i * R + r] === BLOCKED) drop(isConflicted(reviewers[r]!, items[i]!) ? 'CONFLICT_OF_INTEREST' : 'CONFLICT_DECLARED');
    else {
      cell[i * R + r] = FIXED;
      load[r]!++;
      fixedCount[i]!++;
    }
  }

  const eligible = items.map((_, i) => {
    const list: number[] = [];
    for (let r = 0; r < R; r++) if (cell[i * R + r] !== BLOCKED) list.push(r);
    return list;
  });
  const rng = new Rng(input.seed ?? 0, 'review-assignment');
  const rank = new Int32Array(R);
  rng.shuffle([...Array(R).keys()]).forEach((r, pos) => (rank[r] = pos));
  return { items, reviewers, R, cell, load, eligible, fixedCount, rank, itemIndex, reviewerIndex, dropped, rng };
}

const byLoad = (p: Pool) => (a: number, b: number) => p.load[a]! - p.load[b]! || p.rank[a]! - p.rank[b]!;

/**
 * Gives every item min(k, eligible) distinct eligible reviewers, keeping valid existing
 * assignments, and never throws for a short pool (see `shortfalls`).
 *
 * Balance guarantee (what the tests check, including against brute force): the final load
 * vector (existing + new, over all given reviewers) is *decreasingly minimal* among all
 * valid completions that keep the kept assignments — no valid completion has a smaller
 * maximum load or a larger minimum load. In particular max − min ≤ 1 whenever any valid
 * completion achieves it, and with no conflicts at all it always does (unless existing
 * assignments are already lopsided).
 *
 * Why that holds: with item demands fixed, the achievable load vectors are the boundary
 * vectors of a bipartite flow, which form an M-convex set; in an M-convex set a point is
 * decreasingly minimal iff no single unit can move from a reviewer with load L to one with
 * load ≤ L − 2 (Frank & Murota, "Discrete decreasing minimization", 2022). Such a move is
 * exactly an alternating path (a gives item i1 to b1, b1 gives i2 to b2, …), which
 * `rebalance` searches for until none is left. Each move lowers Σ load², so it terminates.
 */
export function assignReviewers(input: AssignInput): AssignResult {
  const p = buildPool(input);
  const { items, R, cell, eligible, fixedCount } = p;
  const k = input.k;

  const need = items.map((_, i) => Math.max(0, Math.min(k, eligible[i]!.length) - fixedCount[i]!));
  const shortfalls: Shortfall[] = [];
  items.forEach((item, i) => {
    if (eligible[i]!.length < k) shortfalls.push({ itemId: item.id, needed: k, eligible: eligible[i]!.length });
  });

  // Greedy start, most constrained items first (least choice beyond what they need), so the
  // balancer usually has little to do.
  const itemRank = new Int32Array(items.length);
  p.rng.shuffle([...items.keys()]).forEach((i, pos) => (itemRank[i] = pos));
  const slack = (i: number) => eligible[i]!.length - fixedCount[i]! - need[i]!;
  const order = [...items.keys()].sort((a, b) => slack(a) - slack(b) || itemRank[a]! - itemRank[b]!);
  const movable: Set<number>[] = Array.from({ length: R }, () => new Set<number>());
  const cmp = byLoad(p);
  for (const i of order) {
    if (need[i] === 0) continue;
    const free = eligible[i]!.filter((r) => cell[i * R + r] === FREE).sort(cmp);
    for (const r of free.slice(0, need[i])) {
      cell[i * R + r] = NEW;
      p.load[r]!++;
      movable[r]!.add(i);
    }
  }

  rebalance(p, movable);

  const assignments: Assignment[] = [];
  const added: Assignment[] = [];
  items.forEach((item, i) => {
    for (const r of eligible[i]!) {
      const c = cell[i * R + r];
      if (c !== FIXED && c !== NEW) continue;
      const a = { itemId: item.id, reviewerId: p.reviewers[r]!.id };
      assignments.push(a);
      if (c === NEW) added.push(a);
    }
  });
  return { assignments, added, dropped: p.dropped, shortfalls };
}

/** Moves new assignments along alternating paths until no move can narrow the loads. */
function rebalance(p: Pool, movable: Set<number>[]): void {
  const reviewers = [...Array(p.R).keys()];
  for (let improved = true; improved;) {
    improved = false;
    const cmp = byLoad(p);
    for (const a of reviewers.sort((x, y) => -cmp(x, y))) {
      while (shiftOne(p, movable, a)) improved = true;
    }
  }
}

/**
 * Breadth-first search from reviewer `a` over "gives item i to" edges; if it reaches a
 * reviewer with load ≤ load(a) − 2, moves one unit along the path to the least loaded such
 * reviewer (nearest on ties). Intermediate reviewers give one item and take one.
 */
function shiftOne(p: Pool, movable: Set<number>[], a: number): boolean {
  const { R, cell, load, eligible } = p;
  let minLoad = Infinity;
  for (let r = 0; r < R; r++) minLoad = Math.min(minLoad, load[r]!);
  const target = load[a]! - 2;
  if (target < minLoad) return false;

  const seen = new Uint8Array(R);
  const itemSeen = new Uint8Array(p.items.length);
  const viaReviewer = new Int32Array(R);
  const viaItem = new Int32Array(R);
  const queue = [a];
  seen[a] = 1;
  let best = -1;
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head]!;
    for (const i of movable[r]!) {
      if (itemSeen[i]) continue;
      itemSeen[i] = 1;
      for (const r2 of eligible[i]!) {
        if (seen[r2] || cell[i * R + r2] !== FREE) continue;
        seen[r2] = 1;
        viaReviewer[r2] = r;
        viaItem[r2] = i;
        if (load[r2]! <= target && (best < 0 || load[r2]! < load[best]!)) best = r2;
        queue.push(r2);
      }
    }
    if (best >= 0 && load[best] === minLoad) break;
  }
  if (best < 0) return false;

  for (let r2 = best; r2 !== a;) {
    const r = viaReviewer[r2]!;
    const i = viaItem[r2]!;
    cell[i * R + r] = FREE;
    cell[i * R + r2] = NEW;
    movable[r]!.delete(i);
    movable[r2]!.add(i);
    r2 = r;
  }
  load[a]!--;
  load[best]!++;
  return true;
}

export interface ReassignInput {
  items: readonly ReviewItem[];
  reviewers: readonly Reviewer[];
  k: number;
  /** The item's and everyone's current assignments (may still include `conflicted`). */
  existing: readonly Assignment[];
  /** The assignment whose reviewer just declared a conflict. */
  conflicted: Assignment;
  /** Earlier declared conflicts. */
  excluded?: readonly Assignment[];
  seed?: number;
}

/**
 * One replacement after a reviewer declares a conflict: the least loaded eligible reviewer
 * not already on the item. Other assignments stay put (reviewers may have started scoring),
 * so this is a local choice, not a global rebalance. Returns null when the item still has k
 * valid reviewers without the declaring one, or when nobody eligible is left.
 */
export function reassignAfterConflict(input: ReassignInput): Assignment | null {
  const { conflicted } = input;
  const same = (a: Assignment) => a.itemId === conflicted.itemId && a.reviewerId === conflicted.reviewerId;
  const p = buildPool({
    items: input.items,
    reviewers: input.reviewers,
    k: input.k,
    existing: input.existing.filter((a) => !same(a)),
    excluded: [...(input.excluded ?? []), conflicted],
    ...(input.seed === undefined ? {} : { seed: input.seed }),
  });
  const i = p.itemIndex.get(conflicted.itemId);
  if (i === undefined) throw notFound('评审对象');
  if (p.fixedCount[i]! >= input.k) return null;
  const [r] = p.eligible[i]!.filter((r) => p.cell[i * p.R + r] === FREE).sort(byLoad(p));
  return r === undefined ? null : { itemId: conflicted.itemId, reviewerId: p.reviewers[r]!.id };
}

export type ManualCheck = { ok: true } | { ok: false; code: 'CONFLICT_OF_INTEREST' | 'ALREADY_ASSIGNED'; message: string };

/** The operator's manual assignment passes the same rules as the bulk one. */
export function checkManualAssignment(
  reviewer: Reviewer,
  item: ReviewItem,
  existingForItem: readonly Assignment[],
  opts: { excluded?: readonly Assignment[] } = {},
): ManualCheck {
  const pair = (a: Assignment) => a.itemId === item.id && a.reviewerId === reviewer.id;
  if (reviewer.organizationId !== null && item.organizationIds.includes(reviewer.organizationId)) {
    return { ok: false, code: 'CONFLICT_OF_INTEREST', message: '评审专家与申报单位为同一单位，须回避' };
  }
  if (item.organizationIds.some((org) => reviewer.relatedOrganizationIds.includes(org))) {
    return { ok: false, code: 'CONFLICT_OF_INTEREST', message: '评审专家已声明与申报单位存在关联关系，须回避' };
  }
  if ((opts.excluded ?? []).some(pair)) {
    return { ok: false, code: 'CONFLICT_OF_INTEREST', message: '评审专家已对该项声明利益冲突，须回避' };
  }
  if (existingForItem.some(pair)) {
    return { ok: false, code: 'ALREADY_ASSIGNED', message: '该评审专家已分配到此项' };
  }
  return { ok: true };
}
