/**
 * A published batch is an immutable snapshot: the publication module only reads it. Entries carry
 * their current version; a correction is a new version with an erratum note, never a silent edit.
 */
export interface PublishedEntry {
  /** 序号, stable within the batch (1-based). */
  seq: number;
  /** 1, 2… (a correction is a new version). */
  version: number;
  submissionId: string;
  /** 名称 */
  name: string;
  /** 发布单位 (owner organisation name). */
  issuer: string;
  issuerCreditCode: string;
  /** Sector code (display with sectorName). */
  sector: string;
  /** Tech field codes. */
  techFields: string[];
  regionCode: string | null;
  description: string;
  /** Already decided by the owner's choice: e.g. '李工 023-63891234', or null → shown as '通过平台联系'. */
  contact: string | null;
  /** Erratum note of this version (null for version 1). */
  erratum: string | null;
  /** ISO timestamp of the correction (null for version 1). */
  correctedAt: string | null;
  /** 万元 (10,000 CNY), as entered on the platform. */
  budgetMin?: number | null;
  budgetMax?: number | null;
  maturityTrl?: number | null;
  /** 标杆案例 only: 成效说明, the acceptance report and the winning organisation, when known. */
  resultsText?: string;
  acceptanceReport?: string | null;
  winner?: string | null;
}

export type PublishedListType = 'scenario_need' | 'capability';
/** What a document may print: a call's list, or the 标杆案例清单 (its own series, no call). */
export type DocumentListType = PublishedListType | 'benchmark_case';

export interface PublishedBatch {
  id: string;
  /** e.g. 2026年第3批人工智能场景机会清单 */
  title: string;
  number: number;
  year: number;
  listType: DocumentListType;
  /** e.g. 重庆市人工智能场景创新促进中心 */
  issuer: string;
  /** ISO */
  publishedAt: string;
  callTitle: string;
  callOpensAt: string;
  /** The planned deadline, as announced. */
  callClosesAt: string;
  /** When the call actually closed, if before callClosesAt (closed early); absent or null otherwise. */
  callClosedAt?: string | null;
  /** Current versions, ordered by seq. */
  entries: PublishedEntry[];
}
