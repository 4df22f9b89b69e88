/** Calls (征集): the part of /api/v1 this feature calls. */
import { get, patch, post, type Query } from '../../shared/http';
import type { Call, CallInput, CallPage } from '../../shared/types';

/** The calls offered in a picker or filter (one cache entry for every page that offers them). */
export const CALL_CHOICES: Query = { pageSize: 100 };

/** TanStack Query keys: everything this feature caches starts with ['calls']. */
export const callsKeys = {
  all: ['calls'] as const,
  list: (query: Query) => ['calls', 'list', query] as const,
  detail: (id: string) => ['calls', 'detail', id] as const,
};

export const callsApi = {
  calls: (query: Query) => get<CallPage>('/calls', query),
  call: (id: string) => get<Call>(`/calls/${encodeURIComponent(id)}`),
  createCall: (input: CallInput) => post<Call>('/calls', input),
  updateCall: (id: string, input: CallInput) => patch<Call>(`/calls/${encodeURIComponent(id)}`, input),
  callTransition: (id: string, action: string, reason?: string) =>
    post<Call>(`/calls/${encodeURIComponent(id)}/transitions`, { action, reason }),
};
