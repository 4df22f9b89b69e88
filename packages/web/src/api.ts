/**
 * Typed client for /api/v1 (docs/api.md). Same-origin cookies carry the session; every
 * non-GET request carries the CSRF token kept in memory (from login or /auth/me).
 */
import type {
  AuditPage, Call, CallInput, CallPage, ChainVerdict, HistoryEvent, ImportResult, ListType, Meta, Organization,
  OrganizationPage, Session, Submission, SubmissionData, SubmissionHistory, SubmissionPage, Attachment, ValidationDetail, Role,
  AssignmentDetail, AutoAssignResult, Batch, BatchDetail, BatchEntry, BatchPage, ConflictResult, CreatedAssignment,
  EntryCorrection, MyAssignmentList, PromotedBenchmarkCase, Ranking, Registration, ReviewerList, ReviewerRelationList,
  SavedScores, SelectionResult, Classification, DictionaryTerm, DictionaryTermList, DuplicateClusters, InterestList,
  InterestReceipt, Listing, MarkedRead, MatchDecision, Matches, MergeResult, NotificationPage, QualityReport, SearchResult,
  Subscription, SubscriptionHitPage, SubscriptionInput, SubscriptionList, SynonymGroup, SynonymGroupList, SynonymKind, User,
} from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details` of a VALIDATION_FAILED error, normalised to `{path, message}`. */
  get fieldErrors(): ValidationDetail[] {
    if (!Array.isArray(this.details)) return [];
    const out: ValidationDetail[] = [];
    for (const d of this.details as unknown[]) {
      if (d && typeof d === 'object') {
        const rec = d as Record<string, unknown>;
        const rawPath = rec.path;
        const path = Array.isArray(rawPath) ? rawPath.map(String).join('.') : typeof rawPath === 'string' ? rawPath : '';
        const message = typeof rec.message === 'string' ? rec.message : '';
        if (message) out.push({ path, message });
      }
    }
    return out;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '无权执行此操作',
  404: '内容不存在或无权访问',
  409: '当前状态不允许该操作',
  413: '文件过大，单个文件不能超过10MB',
  415: '不支持的文件类型，仅支持 PDF、DOCX、XLSX、PNG、JPG',
  423: '账号已锁定，请稍后再试',
  429: '操作过于频繁，请稍后再试',
};

/** A readable Chinese message for anything thrown by the client or the browser. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return '网络连接失败，请检查网络后重试';
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when a request fails with 401 outside the auth endpoints (session expired). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      params.set(k, String(v));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
}

async function parseError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = STATUS_MESSAGES[res.status] ?? (res.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : '请求失败');
  let details: unknown;
  try {
    const text = await res.text();
    if (text) {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object' && 'error' in json) {
        const e = (json as { error: unknown }).error;
        if (e && typeof e === 'object') {
          const rec = e as Record<string, unknown>;
          if (typeof rec.code === 'string') code = rec.code;
          if (typeof rec.message === 'string' && rec.message) message = rec.message;
          details = rec.details;
        }
      }
    }
  } catch {
    // not JSON: keep the status message
  }
  return new ApiError(res.status, code, message, details);
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (!res.ok) {
    let err = await parseError(res);
    // A stale CSRF token (e.g. after a server restart): refresh it once and retry.
    if (err.code === 'CSRF_INVALID' && method !== 'GET') {
      const me = await fetch(buildUrl('/auth/me'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (me.ok) {
        const session = (await me.json()) as Session;
        csrfToken = session.csrfToken;
        res = await send(method, path, opts);
        if (res.ok) return readBody<T>(res);
        err = await parseError(res);
      }
    }
    if (err.status === 401 && !path.startsWith('/auth/') && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return readBody<T>(res);
}

async function readBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
const post = <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
const del = <T>(path: string, query?: Query) => request<T>('DELETE', path, { query });
const enc = encodeURIComponent;
const upload = <T>(path: string, file: File | Blob, query?: Query, filename?: string) => {
  const form = new FormData();
  if (file instanceof File) form.append('file', file, filename ?? file.name);
  else form.append('file', file, filename ?? 'upload');
  return request<T>('POST', path, { form, query });
};

export interface RegistrationInput {
  name: string;
  creditCode: string;
  kind: string;
  regionCode: string;
  address?: string;
  contactName: string;
  contactPhone: string;
  admin: { email: string; displayName: string; password: string };
}

export const api = {
  meta: () => get<Meta>('/meta'),

  login: (email: string, password: string) => post<Session>('/auth/login', { email, password }),
  logout: () => post<void>('/auth/logout'),
  me: () => get<Session>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    post<void>('/auth/password', { currentPassword, newPassword }),

  register: (input: RegistrationInput) =>
    post<Registration>('/organizations/register', input),
  organizations: (query: Query) => get<OrganizationPage>('/organizations', query),
  organization: (id: string) => get<Organization>(`/organizations/${encodeURIComponent(id)}`),
  organizationTransition: (id: string, action: string, reason?: string) =>
    post<Organization>(`/organizations/${encodeURIComponent(id)}/transitions`, { action, reason }),
  addOrganizationUser: (id: string, input: { email: string; displayName: string; password: string; roles: Role[] }) =>
    post<User>(`/organizations/${encodeURIComponent(id)}/users`, input),

  calls: (query: Query) => get<CallPage>('/calls', query),
  call: (id: string) => get<Call>(`/calls/${encodeURIComponent(id)}`),
  createCall: (input: CallInput) => post<Call>('/calls', input),
  updateCall: (id: string, input: CallInput) => patch<Call>(`/calls/${encodeURIComponent(id)}`, input),
  callTransition: (id: string, action: string, reason?: string) =>
    post<Call>(`/calls/${encodeURIComponent(id)}/transitions`, { action, reason }),

  submissions: (query: Query) => get<SubmissionPage>('/submissions', query),
  submission: (id: string) => get<Submission>(`/submissions/${encodeURIComponent(id)}`),
  createSubmission: (callId: string, data: SubmissionData) => post<Submission>('/submissions', { callId, data }),
  updateSubmission: (id: string, data: SubmissionData) => patch<Submission>(`/submissions/${encodeURIComponent(id)}`, { data }),
  submissionTransition: (id: string, action: string, reason?: string) =>
    post<Submission>(`/submissions/${encodeURIComponent(id)}/transitions`, { action, reason }),
  submissionHistory: async (id: string): Promise<HistoryEvent[]> =>
    (await get<SubmissionHistory>(`/submissions/${encodeURIComponent(id)}/history`)).items,
  uploadAttachment: (submissionId: string, file: File | Blob, filename?: string) =>
    upload<Attachment>(`/submissions/${encodeURIComponent(submissionId)}/attachments`, file, undefined, filename),
  deleteAttachment: (id: string) => del<void>(`/attachments/${encodeURIComponent(id)}`),
  attachmentUrl: (id: string) => buildUrl(`/attachments/${encodeURIComponent(id)}`),

  importTemplateUrl: (listType: ListType) => buildUrl('/imports/template', { listType }),
  importFile: (callId: string, mode: 'dry_run' | 'commit', skipInvalid: boolean, file: File) =>
    upload<ImportResult>('/imports', file, { callId, mode, skipInvalid }),

  audit: (query: Query) => get<AuditPage>('/audit', query),
  verifyAudit: () => get<ChainVerdict>('/audit/verify'),

  // Review (评审) — operator side
  autoAssign: (callId: string, dueAt?: string) => post<AutoAssignResult>(`/calls/${enc(callId)}/assignments/auto`, { dueAt }),
  assignReviewer: (callId: string, submissionId: string, reviewerUserId: string, dueAt?: string) =>
    post<CreatedAssignment>(`/calls/${enc(callId)}/assignments`, { submissionId, reviewerUserId, dueAt }),
  removeAssignment: (id: string) => del<void>(`/review-assignments/${enc(id)}`),
  reviewers: async () => (await get<ReviewerList>('/reviewers')).items,
  ranking: (callId: string) => get<Ranking>(`/calls/${enc(callId)}/ranking`),
  decideSelection: (callId: string, submissionIds: string[], action: 'select' | 'reject', reason?: string) =>
    post<SelectionResult>(`/calls/${enc(callId)}/selection`, { submissionIds, action, reason }),

  // Review (评审) — reviewer side
  myAssignments: async (callId?: string) => (await get<MyAssignmentList>('/reviews/assignments', { callId })).items,
  myAssignment: (id: string) => get<AssignmentDetail>(`/reviews/assignments/${enc(id)}`),
  saveScores: (id: string, scores: Record<string, number>, comments: Record<string, string>, submit: boolean) =>
    put<SavedScores>(`/reviews/assignments/${enc(id)}`, { scores, comments, submit }),
  declareConflict: (id: string, reason: string) => post<ConflictResult>(`/reviews/assignments/${enc(id)}/conflict`, { reason }),
  myRelations: async () => (await get<ReviewerRelationList>('/reviews/relations')).items,
  declareRelation: (organizationId: string, note?: string) => post<void>('/reviews/relations', { organizationId, note }),
  withdrawRelation: (organizationId: string) => del<void>(`/reviews/relations/${enc(organizationId)}`),

  // Publication (发布)
  publishBatch: (callId: string, input: { title?: string; number?: number; issuer?: string }) => post<Batch>(`/calls/${enc(callId)}/batches`, input),
  correctEntry: (batchId: string, seq: number, input: EntryCorrection) =>
    post<BatchEntry>(`/batches/${enc(batchId)}/entries/${seq}/corrections`, input),
  promoteBenchmark: (submissionId: string, resultsText: string) => post<PromotedBenchmarkCase>(`/submissions/${enc(submissionId)}/benchmark`, { resultsText }),
  publicBatches: (query: Query) => get<BatchPage>('/public/batches', query),
  publicBatch: (id: string) => get<BatchDetail>(`/public/batches/${enc(id)}`),

  // Search and matching (检索与匹配); multi-valued filters go as comma lists
  search: (query: Query) => get<SearchResult>('/search', query),
  listing: (id: string) => get<Listing>(`/listings/${enc(id)}`),
  matches: (id: string, limit = 20) => get<Matches>(`/listings/${enc(id)}/matches`, { limit }),
  interests: async (id: string) => (await get<InterestList>(`/listings/${enc(id)}/interests`)).items,
  expressInterest: (needId: string, capabilityId: string, message?: string) =>
    post<InterestReceipt>('/interests', { needId, capabilityId, message: message || undefined }),
  decideMatch: (sourceId: string, targetId: string, decision: 'pin' | 'exclude' | 'clear', reason: string) =>
    post<MatchDecision>('/match-decisions', { sourceId, targetId, decision, reason }),
  classify: (title: string, description: string) => post<Classification>('/classify', { title, description }),

  // Quality at the door (查重与完整性提示) and duplicate clusters
  qualityCheck: (listType: ListType, data: SubmissionData, submissionId?: string) =>
    post<QualityReport>('/quality/check', { listType, data, submissionId }),
  duplicateClusters: (listType: ListType) => get<DuplicateClusters>('/duplicates/clusters', { listType }),
  mergeDuplicates: (keepId: string, mergeIds: string[], reason: string) =>
    post<MergeResult>('/duplicates/merge', { keepId, mergeIds, reason }),

  // Dictionary (检索词典与同义词)
  searchTerms: async () => (await get<DictionaryTermList>('/search/terms')).items,
  addSearchTerm: (term: string, note?: string) => post<DictionaryTerm>('/search/terms', { term, note: note || undefined }),
  deleteSearchTerm: (id: string, reason?: string) => del<void>(`/search/terms/${enc(id)}`, { reason }),
  synonyms: async () => (await get<SynonymGroupList>('/search/synonyms')).items,
  addSynonyms: (kind: SynonymKind, terms: string[], note?: string) => post<SynonymGroup>('/search/synonyms', { kind, terms, note: note || undefined }),
  deleteSynonyms: (id: string, reason?: string) => del<void>(`/search/synonyms/${enc(id)}`, { reason }),

  // Notifications and subscriptions (通知与订阅)
  notifications: (query: Query) => get<NotificationPage>('/notifications', query),
  markNotificationRead: (id: string) => post<void>(`/notifications/${enc(id)}/read`),
  markAllNotificationsRead: () => post<MarkedRead>('/notifications/read-all'),
  subscriptions: async () => {
    return (await get<SubscriptionList>('/subscriptions')).items;
  },
  createSubscription: (input: SubscriptionInput) => post<Subscription>('/subscriptions', input),
  updateSubscription: (id: string, changes: Partial<Pick<Subscription, 'name' | 'frequency' | 'emailEnabled' | 'active'>>) =>
    patch<Subscription>(`/subscriptions/${enc(id)}`, changes),
  deleteSubscription: (id: string) => del<void>(`/subscriptions/${enc(id)}`),
  subscription: (id: string) => get<Subscription>(`/subscriptions/${enc(id)}`),
  subscriptionHits: (id: string, page: number) => get<SubscriptionHitPage>(`/subscriptions/${enc(id)}/hits`, { page, pageSize: 20 }),
};

/** Server-rendered public pages and downloads (outside the SPA and outside /api: use a plain <a href>). */
export const publicBatchUrl = (id: string) => `/public/batches/${encodeURIComponent(id)}`;
export const publicBatchDownloadUrl = (id: string, format: 'xlsx' | 'docx') => `/public/batches/${encodeURIComponent(id)}/download.${format}`;
