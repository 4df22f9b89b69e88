/**
 * 标杆案例清单 batches: the shared part of previewing and publishing one — the chosen accepted
 * items read and locked in the caller's transaction, numbered in the benchmark series of the
 * year, and each item's snapshot as the documents print it.
 */
import {
  benchmarkNumberTaken,
  completedAwardsOfNeeds,
  findOrganization,
  lockSubmissionsWithOwners,
  nextBenchmarkNumber,
  type BenchmarkBatchRow,
  type BenchmarkEntryRow,
  type SubmissionRow,
  type Transaction,
} from '@scenebridge/db';
import { DomainError, notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import type { PublishedBatch, PublishedEntry } from './documents/index.js';

export const BENCHMARK_LIST_NAME = '人工智能场景标杆案例清单';
export const benchmarkBatchTitle = (year: number, n: number) => `${year}年第${n}批${BENCHMARK_LIST_NAME}`;
const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();

export interface BenchmarkItem {
  submissionId: string;
  /** 成效说明 */
  resultsText: string;
}

export interface BenchmarkBatchOptions {
  title?: string;
  number?: number;
  issuer?: string;
}

/**
 * The acceptance report and winner of an accepted need, from the completed awards of the
 * challenges drafted from it (docs/challenges.md). A need accepted any other way has neither,
 * and its documents print 「—」.
 */
export function acceptanceFacts(facts: { reports: string[]; winners: string[] } | undefined): {
  acceptanceReport: string | null;
  winner: string | null;
} {
  return { acceptanceReport: facts?.reports.join('\n') || null, winner: facts?.winners.join('、') || null };
}

const sectorOf = (s: SubmissionRow) => {
  const d = s.data as Record<string, unknown>;
  return (typeof d.sector === 'string' ? d.sector : (d.sectors as string[] | undefined)?.[0]) ?? s.sector ?? 'science';
};

export function validateBenchmarkItems(items: readonly BenchmarkItem[]) {
  if (items.length === 0) throw new DomainError('VALIDATION_FAILED', '请至少选择一个已验收项目', 400);
  if (new Set(items.map((i) => i.submissionId)).size !== items.length)
    throw new DomainError('VALIDATION_FAILED', '同一项目不能重复列入', 400);
  const short = items.filter((i) => i.resultsText.trim().length < 10).map((i) => i.submissionId);
  if (short.length) throw new DomainError('VALIDATION_FAILED', '成效说明至少10个字', 400, { submissionIds: short });
}

/** The batch as it would be published now; every item must still be `accepted` (409 names the others). */
export async function assembleBenchmarkBatch(
  tx: Transaction,
  actor: Actor,
  items: readonly BenchmarkItem[],
  opts: BenchmarkBatchOptions,
  now: Date,
) {
  const ids = items.map((i) => i.submissionId);
  const locked = new Map((await lockSubmissionsWithOwners(tx, ids)).map((r) => [r.submission.id, r]));
  // A draft is its organisation's own: the operator knows only submitted items.
  if (ids.some((id) => !locked.get(id)?.submission.submittedAt)) throw notFound('填报');
  const notAccepted = ids.filter((id) => locked.get(id)!.submission.status !== 'accepted');
  if (notAccepted.length)
    throw new DomainError('ILLEGAL_TRANSITION', '只有已验收的项目可以列入标杆案例清单', 409, { submissionIds: notAccepted });
  const year = shanghaiYear(now);
  const number = opts.number ?? (await nextBenchmarkNumber(tx, year));
  if (await benchmarkNumberTaken(tx, year, number))
    throw new DomainError('BATCH_NUMBER_TAKEN', `${year}年第${number}批标杆案例清单已发布，请使用其他批次号`, 409);
  const operatorOrg = await findOrganization(tx, actor.organizationId);
  const delivered = await completedAwardsOfNeeds(tx, ids);
  return {
    year,
    number,
    title: opts.title?.trim() || benchmarkBatchTitle(year, number),
    issuer: opts.issuer?.trim() || operatorOrg?.name || '运营方',
    entries: items.map((item, i) => {
      const { submission: s, organizationName } = locked.get(item.submissionId)!;
      return {
        seq: i + 1,
        submissionId: s.id,
        name: s.title,
        issuer: organizationName,
        sector: sectorOf(s),
        regionCode: s.regionCode,
        resultsText: item.resultsText.trim(),
        ...acceptanceFacts(delivered.get(s.id)),
      };
    }),
  };
}

type EntrySnapshot = Pick<
  BenchmarkEntryRow,
  'seq' | 'submissionId' | 'name' | 'issuer' | 'sector' | 'regionCode' | 'resultsText' | 'acceptanceReport' | 'winner'
> &
  Partial<Pick<BenchmarkEntryRow, 'version' | 'erratum' | 'createdAt'>>;

export function toBenchmarkEntry(e: EntrySnapshot): PublishedEntry {
  const version = e.version ?? 1;
  return {
    seq: e.seq,
    version,
    submissionId: e.submissionId,
    name: e.name,
    issuer: e.issuer,
    issuerCreditCode: '',
    sector: e.sector,
    techFields: [],
    regionCode: e.regionCode,
    description: e.resultsText,
    contact: null,
    erratum: e.erratum ?? null,
    correctedAt: version > 1 && e.createdAt ? e.createdAt.toISOString() : null,
    resultsText: e.resultsText,
    acceptanceReport: e.acceptanceReport,
    winner: e.winner,
  };
}

/** A benchmark batch as the XLSX, DOCX and Atom writers read it (no call: its fields stay empty). */
export function toBenchmarkDocument(
  b: Pick<BenchmarkBatchRow, 'id' | 'title' | 'number' | 'year' | 'issuer' | 'publishedAt'>,
  entries: readonly EntrySnapshot[],
): PublishedBatch {
  return {
    id: b.id,
    title: b.title,
    number: b.number,
    year: b.year,
    listType: 'benchmark_case',
    issuer: b.issuer,
    publishedAt: b.publishedAt.toISOString(),
    callTitle: '',
    callOpensAt: b.publishedAt.toISOString(),
    callClosesAt: b.publishedAt.toISOString(),
    entries: entries.map(toBenchmarkEntry),
  };
}
