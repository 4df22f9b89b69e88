/**
 * The API's shapes as the web app names them. Every answer of /api/v1 comes from the shared
 * contract (`@scenebridge/contract/<feature>`, the schemas the server validates its answers
 * against), so a change there breaks the web's type check instead of its users. Type-only
 * imports: no runtime code of the contract (zod, the domain) enters the bundle.
 *
 * Aliases keep the web's older names (`Call` for `CallDetail` …) so callers did not have to move.
 *
 * Written here because they are not answers:
 * - `SubmissionData`, `Contact`, `ReferenceCase`: the form state of a submission, which the web
 *   sends as the `data` of a request body. Answers carry `data` as an open record
 *   (see SubmissionData below).
 * - `EntryCorrection`, `SubscriptionInput`: request bodies the web builds (`CallInput` now comes
 *   from the contract, typed by the schema the server parses it with).
 * - `SearchSort`: a query parameter of GET /search.
 * - `ValidationDetail`: the web's normalised view of a VALIDATION_FAILED error's details.
 */
import type { CallDetail } from '@scenebridge/contract/calls';
import type { SessionUser } from '@scenebridge/contract/auth';
import type { Classification, Listing } from '@scenebridge/contract/search';
import type {
  SavedSearchQuery,
  MatchProfileQuery,
  PolicyDigestQuery,
  PolicyMatchQuery,
  Subscription,
} from '@scenebridge/contract/subscriptions';

export type { Meta, CodeName } from '@scenebridge/contract/meta';
export type { Session, SessionUser } from '@scenebridge/contract/auth';
export type { Organization, OrganizationPage, Registration, User, UserList } from '@scenebridge/contract/organizations';
export type { CallDetail as Call, CallInput, CallPage, ReviewScheme } from '@scenebridge/contract/calls';
export type {
  Attachment,
  HistoryEvent,
  SubmissionDetail as Submission,
  SubmissionHistory,
  SubmissionListItem,
  SubmissionPage,
} from '@scenebridge/contract/submissions';
export type { ImportRowError as ImportError, ImportReport as ImportResult } from '@scenebridge/contract/imports';
export type { AuditEntry as AuditEvent, AuditPage, ChainReport as ChainVerdict } from '@scenebridge/contract/audit';
export type {
  AssignmentDetail,
  AssignmentStatus,
  AutoAssignResult,
  ConflictResult,
  CreatedAssignment,
  Criterion,
  MyAssignment,
  MyAssignmentList,
  Ranking,
  RankingItem,
  RankingReview,
  ReviewAttachment,
  Reviewer,
  ReviewerList,
  ReviewerProgressRow,
  ReviewerRelation,
  ReviewerRelationList,
  SavedScores,
  SelectionResult,
} from '@scenebridge/contract/review';
export type { Batch, BatchDetail, BatchEntry, BatchPage, BenchmarkCase, PromotedBenchmarkCase } from '@scenebridge/contract/publication';
export type { Classification, FacetKey, FacetValue, Listing, SearchHit, SearchResult, TextPart } from '@scenebridge/contract/search';
export type {
  ExcludedMatch,
  Interest,
  InterestList,
  InterestReceipt,
  MatchDecision,
  MatchItem,
  MatchPart,
  MatchPartKey,
  Matches,
} from '@scenebridge/contract/matching';
export type {
  DuplicateCandidate,
  DuplicateCluster,
  DuplicateClusterItem,
  DuplicateClusters,
  HiddenDuplicate,
  MergeResult,
  QualityHint,
  QualityReport,
  VisibleDuplicate,
} from '@scenebridge/contract/quality';
export type { DictionaryTerm, DictionaryTermList, SynonymGroup, SynonymGroupList, SynonymKind } from '@scenebridge/contract/vocabulary';
export type { MarkedRead, Notification as AppNotification, NotificationPage } from '@scenebridge/contract/notifications';
export type {
  MatchProfileQuery,
  PolicyDigestQuery,
  PolicyMatchQuery,
  SavedSearchQuery,
  Subscription,
  SubscriptionHit,
  SubscriptionHitPage,
  SubscriptionList,
} from '@scenebridge/contract/subscriptions';

// Enumerations, named from the answers that carry them.
export type Role = SessionUser['roles'][number];
export type ListType = CallDetail['listType'];
export type Openness = NonNullable<Listing['dataOpenness']>;
export type SubscriptionKind = Subscription['kind'];
export type DigestFrequency = Subscription['frequency'];
/** A suggested sector or technology field (only technology fields carry evidence). */
export type Suggestion = Classification['sectors'][number] | Classification['techFields'][number];

// ---- Not answers: request bodies and form state (see the top of this file) ----

export type SearchSort = 'relevance' | 'newest' | 'deadline';

export interface ValidationDetail {
  path: string;
  message: string;
}

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
  public?: boolean;
}

export interface ReferenceCase {
  title?: string;
  client?: string;
  year?: number;
  summary?: string;
}

/**
 * Union of both list types' fields; a draft may hold any subset. Answers carry `data` as an open
 * record (the form rules apply on submit, not to every answer); the server stored it from a body
 * these forms sent, so the web reads it back with `as SubmissionData`.
 */
export interface SubmissionData {
  title?: string;
  description?: string;
  sector?: string;
  sectors?: string[];
  techFields?: string[];
  regionCode?: string;
  budgetMin?: number;
  budgetMax?: number;
  dataOpenness?: Openness;
  siteOpenness?: Openness;
  expectedOutcome?: string;
  maturityTrl?: number;
  referenceCases?: ReferenceCase[];
  contact?: Contact;
}

export interface EntryCorrection {
  name?: string;
  description?: string;
  contact?: string | null;
  erratum: string;
}

export interface SubscriptionInput {
  kind: SubscriptionKind;
  name: string;
  frequency: DigestFrequency;
  emailEnabled: boolean;
  query: SavedSearchQuery | MatchProfileQuery | PolicyDigestQuery | PolicyMatchQuery;
}
