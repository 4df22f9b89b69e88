/** 政策动态: the part of /api/v1 this feature calls (docs/policies.md). */
import type {
  PolicyDetail,
  PolicyDigestDetail,
  PolicyDigestDirection,
  PolicyDigestItem,
  PolicyDigestList,
  PolicyDigestSummary,
  PolicyList,
} from '@scenebridge/contract/policies';
import { API_BASE, download, enc, get, post, put, type Query } from '../../shared/http';

export type DigestStatus = PolicyDigestSummary['status'];
export type DigestDirection = PolicyDigestDirection;
export type DigestSummary = PolicyDigestSummary;
export type DigestItem = PolicyDigestItem;
export type DigestDetail = PolicyDigestDetail;
export type DigestPage = PolicyDigestList;

export interface DigestUpdate {
  version: number;
  title: string;
  intro: string | null;
  items: { policyId: string; summary: string; measureIds: string[] }[];
  directions: DigestDirection[];
}

/** TanStack Query keys: everything this feature caches starts with ['policy-digests']. */
export const digestKeys = {
  all: ['policy-digests'] as const,
  list: (query: Query) => ['policy-digests', 'list', query] as const,
  detail: (id: string) => ['policy-digests', 'detail', id] as const,
  policies: (query: Query) => ['policy-digests', 'policies', query] as const,
  policy: (id: string) => ['policy-digests', 'policy', id] as const,
};

const digest = (id: string) => `/policy-digests/${enc(id)}`;
export const digestsApi = {
  list: (query: Query) => get<DigestPage>('/policy-digests', query),
  get: (id: string) => get<DigestDetail>(digest(id)),
  create: (body: { title: string; intro?: string; policyIds: string[] }) => post<DigestDetail>('/policy-digests', body),
  update: (id: string, body: DigestUpdate) => put<DigestDetail>(digest(id), body),
  publish: (id: string, version: number) => post<DigestDetail>(`${digest(id)}/publish`, { version }),
  publishedPolicies: (query: Query) => get<PolicyList>('/policies', { ...query, status: 'published' }),
  policy: (id: string) => get<PolicyDetail>(`/policies/${enc(id)}`),
  downloadDocx: (id: string) => download(`${digest(id)}/export.docx`, undefined, 'policy-digest.docx'),
  /** The standalone page opens in a new tab with the session cookie; no API client involved. */
  htmlUrl: (id: string) => `${API_BASE}${digest(id)}/export.html`,
};
