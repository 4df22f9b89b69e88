/** Shapes of the API (docs/api.md). Kept here so the browser bundle never imports the domain package. */

export type Role = 'operator' | 'reviewer' | 'broker' | 'org_admin' | 'org_member';
export type ListType = 'scenario_need' | 'capability';
export type Openness = 'none' | 'on_request' | 'open';
export type OrganizationStatus = 'pending' | 'approved' | 'rejected';

export interface CodeName {
  code: string;
  name: string;
}

export interface Meta {
  sectors: CodeName[];
  techFields: CodeName[];
  regions: Array<CodeName & { fullName: string }>;
  organizationKinds: CodeName[];
  roles: CodeName[];
  labels: {
    callStates: Record<string, string>;
    submissionStates: Record<string, string>;
    organizationStates: Record<string, string>;
    listTypes: Record<string, string>;
  };
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organization: { id: string; name: string; status: OrganizationStatus; kind: string } | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Organization {
  id: string;
  name: string;
  creditCode: string;
  kind: string;
  regionCode: string;
  regionName?: string;
  address?: string | null;
  contactName: string;
  contactPhone: string;
  status: OrganizationStatus;
  statusReason?: string | null;
  createdAt: string;
  allowedActions: string[];
}

export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export interface ReviewScheme {
  reviewersPerItem: number;
  blind: boolean;
  criteria: Criterion[];
}

export interface Call {
  id: string;
  title: string;
  listType: ListType;
  description: string;
  opensAt: string;
  closesAt: string;
  status: string;
  reviewScheme: ReviewScheme;
  submissionCount: number;
  createdAt: string;
  allowedActions: string[];
  acceptingSubmissions: boolean;
}

export interface CallInput {
  title: string;
  listType: ListType;
  description: string;
  opensAt: string;
  closesAt: string;
  reviewScheme: ReviewScheme;
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

/** Union of both list types' fields; a draft may hold any subset. */
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

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface Submission {
  id: string;
  callId: string;
  callTitle: string;
  listType: ListType;
  status: string;
  title: string;
  organization: { id: string; name: string };
  data: SubmissionData;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  statusReason: string | null;
  attachments: Attachment[];
  allowedActions: string[];
}

export interface HistoryEvent {
  at: string;
  actorLabel: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
}

export interface ImportError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportResult {
  mode: 'dry_run' | 'commit';
  totalRows: number;
  validRows: number;
  created: number;
  duplicates: number;
  errors: ImportError[];
  committed: boolean;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; expectedSeq: number; problem: string };
}

export interface ValidationDetail {
  path: string;
  message: string;
}

// ---- Review (评审) ----

export type AssignmentStatus = 'assigned' | 'submitted' | 'conflict_declared';

/** A row of GET /reviews/assignments. */
export interface MyAssignment {
  id: string;
  callId: string;
  callTitle: string;
  submissionId: string;
  title: string;
  listType: ListType;
  /** null when the call is reviewed blind. */
  organizationName: string | null;
  status: AssignmentStatus;
  weightedScore: number | null;
  dueAt: string | null;
  overdue: boolean;
}

/** Attachments as a reviewer sees them; blind review hides size and time. */
export interface ReviewAttachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number | null;
  createdAt: string | null;
}

/** GET /reviews/assignments/:id */
export interface AssignmentDetail {
  id: string;
  status: AssignmentStatus;
  scores: Record<string, number> | null;
  comments: Record<string, string> | null;
  weightedScore: number | null;
  conflictReason: string | null;
  dueAt: string | null;
  blind: boolean;
  criteria: Criterion[];
  call: { id: string; title: string };
  submission: {
    id: string;
    title: string;
    listType: ListType;
    data: SubmissionData;
    organization: { id: string; name: string } | null;
    attachments: ReviewAttachment[];
  };
}

export interface SavedScores {
  id: string;
  status: AssignmentStatus;
  weightedScore: number | null;
  scores: Record<string, number>;
  comments: Record<string, string>;
}

export interface ReviewerRelation {
  organizationId: string;
  organizationName: string;
  note: string | null;
  createdAt: string;
}

export interface AutoAssignResult {
  created: number;
  items: number;
  reviewers: number;
  shortfalls: Array<{ itemId: string; needed: number; eligible: number }>;
}

export interface Reviewer {
  id: string;
  displayName: string;
  email: string;
  organizationId: string;
  organizationName: string;
  relatedOrganizationIds: string[];
}

export interface RankingReview {
  assignmentId: string;
  reviewerUserId: string;
  reviewerName: string;
  status: AssignmentStatus;
  weightedScore: number | null;
  conflictReason: string | null;
}

export interface RankingItem {
  id: string;
  title: string;
  status: string;
  organizationName: string;
  sector: string | null;
  /** Competition ranking (1, 2, 2, 4); null while unscored. */
  rank: number | null;
  tied: boolean;
  mean: number | null;
  trimmed: boolean;
  count: number;
  min: number | null;
  max: number | null;
  spread: number;
  spreadFlag: boolean;
  reviews: RankingReview[];
}

export interface ReviewerProgressRow {
  reviewerUserId: string;
  name: string;
  assigned: number;
  submitted: number;
  pending: number;
  conflicts: number;
  overdue: number;
}

export interface Ranking {
  call: { id: string; title: string; status: string; reviewScheme: ReviewScheme };
  items: RankingItem[];
  reviewers: ReviewerProgressRow[];
}

// ---- Publication (发布) ----

export interface Batch {
  id: string;
  callId: string;
  listType: ListType;
  year: number;
  number: number;
  title: string;
  issuer: string;
  entryCount: number;
  publishedAt: string;
}

export interface BatchEntry {
  id: string;
  batchId: string;
  batchTitle?: string;
  seq: number;
  version: number;
  isCurrent: boolean;
  submissionId: string;
  listType: ListType;
  name: string;
  issuer: string;
  sector: string;
  techFields: string[];
  regionCode: string | null;
  description: string;
  /** null: 通过平台联系 */
  contact: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  erratum: string | null;
  publishedAt: string;
  correctedAt: string | null;
}

export interface BatchDetail extends Batch {
  entries: BatchEntry[];
  superseded: BatchEntry[];
}

export interface EntryCorrection {
  name?: string;
  description?: string;
  contact?: string | null;
  erratum: string;
}

export interface BenchmarkCase {
  id: string;
  submissionId: string;
  title: string;
  issuer: string;
  sector: string;
  resultsText: string;
  promotedAt: string;
}

// ---- Search and matching (检索与匹配) ----

/** A piece of highlighted text: `hit` parts are shown in <mark>. */
export interface TextPart {
  text: string;
  hit: boolean;
}

export type FacetKey = 'listType' | 'sector' | 'techField' | 'region' | 'status' | 'batch' | 'budget' | 'maturity';
export type SearchSort = 'relevance' | 'newest' | 'deadline';

export interface FacetValue {
  value: string;
  count: number;
  label: string;
}

export interface SearchHit {
  id: string;
  score: number;
  listType: ListType;
  status: string;
  title: TextPart[];
  snippet: TextPart[];
  organization: { id: string; name: string };
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionCode: string | null;
  regionName: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  batch: { id: string; title: string | null } | null;
  submittedAt: string | null;
  publishedAt: string | null;
  deadline: string | null;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  snapshot: string;
  snapshotRenewed: boolean;
  terms: string[];
  facets: Partial<Record<FacetKey, FacetValue[]>>;
}

export interface Listing {
  id: string;
  listType: ListType;
  status: string;
  title: string;
  published: boolean;
  organization: { id: string; name: string };
  description: string;
  expectedOutcome: string | null;
  referenceCases: ReferenceCase[];
  dataOpenness: Openness | null;
  siteOpenness: Openness | null;
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionCode: string | null;
  regionName: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  maturityTrl: number | null;
  batch: { id: string; title: string | null } | null;
  publishedAt: string | null;
  submittedAt: string | null;
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  contactHidden: boolean;
  mine: boolean;
  mergedIntoId: string | null;
}

export type MatchPartKey = 'terms' | 'sector' | 'tech' | 'region' | 'budget' | 'maturity';

export interface MatchPart {
  key: MatchPartKey;
  label: string;
  weight: number;
  fit: number;
  points: number;
  share: number;
  detail: string;
}

export interface MatchItem {
  id: string;
  listType: ListType;
  title: string;
  status: string;
  organization: { id: string; name: string };
  score: number;
  sharedTerms: string[];
  parts: MatchPart[];
  pinned: { reason: string; by: string | null; at: string } | null;
}

export interface ExcludedMatch {
  id: string;
  title: string | null;
  reason: string;
  by: string | null;
  at: string;
}

export interface Matches {
  source: string;
  items: MatchItem[];
  excluded: ExcludedMatch[];
}

export interface Interest {
  id: string;
  needId: string;
  capabilityId: string;
  fromSide: 'need' | 'capability';
  organization: { id: string; name: string };
  by: string | null;
  message: string | null;
  createdAt: string;
}

export interface Suggestion {
  code: string;
  name: string;
  confidence: number;
  evidence?: string[];
}

export interface Classification {
  sectors: Suggestion[];
  techFields: Suggestion[];
}

// ---- Quality at the door (查重与完整性提示) ----

/** An item the caller may see: its own organisation's, a published one, or any (operators, brokers). */
export interface VisibleDuplicate {
  visible: true;
  id: string;
  title: string;
  organizationName: string;
  status: string;
  statusLabel?: string;
  /** The caller's own organisation's item. */
  mine?: boolean;
  batchTitle: string | null;
  similarity: number;
  sharedTerms: string[];
}

/** Another organisation's unpublished item, nearly a copy of the draft: nothing more is told. */
export interface HiddenDuplicate {
  visible: false;
}

export type DuplicateCandidate = VisibleDuplicate | HiddenDuplicate;

export interface QualityHint {
  code: string;
  field: string;
  message: string;
}

export interface QualityReport {
  duplicates: DuplicateCandidate[];
  hints: QualityHint[];
}

export interface DuplicateClusterItem {
  id: string;
  title: string;
  organization: { id: string; name: string };
  status: string;
  /** Its state allows merging it into another item. */
  mergeable: boolean;
  regionName: string | null;
  submittedAt: string | null;
}

export interface DuplicateCluster {
  /** The representative item's id. */
  id: string;
  items: DuplicateClusterItem[];
  pairs: Array<{ a: string; b: string; similarity: number; sharedTerms?: string[] }>;
  maxSimilarity: number;
}

export interface DuplicateClusters {
  considered: number;
  truncated: boolean;
  clusters: DuplicateCluster[];
}

// ---- Dictionary (检索词典与同义词) ----

export type SynonymKind = 'equivalent' | 'near' | 'one_way';

export interface DictionaryTerm {
  id: string;
  term: string;
  note: string | null;
  createdAt?: string;
  createdBy?: string | null;
}

export interface SynonymGroup {
  id: string;
  kind: SynonymKind;
  terms: string[];
  note: string | null;
  createdAt?: string;
  createdBy?: string | null;
}

// ---- Notifications and subscriptions (通知与订阅) ----

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export type SubscriptionKind = 'saved_search' | 'match_profile';
export type DigestFrequency = 'daily' | 'weekly';

export interface SavedSearchQuery {
  q?: string;
  listType?: ListType;
  sector?: string;
  techFields?: string[];
  regionCode?: string;
}

export interface Subscription {
  id: string;
  kind: SubscriptionKind;
  name: string;
  query: SavedSearchQuery | { submissionIds: string[] };
  frequency: DigestFrequency;
  emailEnabled: boolean;
  active: boolean;
  createdAt: string;
  unsubscribedAt: string | null;
  lastDigestAt: string | null;
  pendingHits: number;
}

export interface SubscriptionHit {
  submissionId: string;
  entryId: string | null;
  title: string;
  organizationName: string;
  listType: ListType;
  sector: string | null;
  score: number | null;
  matchedAt: string;
  digestedAt: string | null;
}
export interface SubscriptionHitPage {
  items: SubscriptionHit[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubscriptionInput {
  kind: SubscriptionKind;
  name: string;
  frequency: DigestFrequency;
  emailEnabled: boolean;
  query: SavedSearchQuery | { submissionIds: string[] };
}
