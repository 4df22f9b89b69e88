/** Calls (征集): the part of /api/v1 this feature calls. */
import { get, patch, post, type Query } from '../../shared/http';
import type { Call, CallInput, CallPage } from '../../shared/types';

export const callsApi = {
  calls: (query: Query) => get<CallPage>('/calls', query),
  call: (id: string) => get<Call>(`/calls/${encodeURIComponent(id)}`),
  createCall: (input: CallInput) => post<Call>('/calls', input),
  updateCall: (id: string, input: CallInput) => patch<Call>(`/calls/${encodeURIComponent(id)}`, input),
  callTransition: (id: string, action: string, reason?: string) =>
    post<Call>(`/calls/${encodeURIComponent(id)}/transitions`, { action, reason }),
};
