/**
 * API helpers for the review/publish journey: log in with fetch (cookie + CSRF token) and call the
 * JSON API as that user. Used only for setup the journey has no UI need for (finding ids, scoring
 * the bulk of the items), never for the steps under test.
 */

export interface Session {
  cookie: string;
  csrf: string;
}

export async function apiLogin(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='));
  if (!cookie) throw new Error(`login ${email}: no sb_session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export async function api<T = unknown>(baseUrl: string, session: Session | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface Criterion {
  key: string;
  name: string;
  weight: number;
}

export interface RankingItem {
  id: string;
  title: string;
  status: string;
  organizationName: string;
  sector: string;
  rank: number | null;
  mean: number | null;
  count: number;
  reviews: Array<{ assignmentId: string; reviewerUserId: string; reviewerName: string; status: string; weightedScore: number | null }>;
}

export interface Ranking {
  call: { id: string; title: string; status: string; reviewScheme: { reviewersPerItem: number; criteria: Criterion[] } };
  items: RankingItem[];
}

export interface MyAssignment {
  id: string;
  callId: string;
  submissionId: string;
  title: string;
  status: string;
}

/** Σ weight × score / 100, 2 decimals: what the form shows and the server stores. */
export function weighted(criteria: Criterion[], scores: Record<string, number>): number {
  return Math.round(criteria.reduce((s, c) => s + c.weight * scores[c.key]!, 0)) / 100;
}

/** The same score for every criterion (its weighted total is that score). */
export function flat(criteria: Criterion[], score: number): Record<string, number> {
  return Object.fromEntries(criteria.map((c) => [c.key, score]));
}

export const mean2 = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
