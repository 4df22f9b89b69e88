/** 揭榜 applications: the part of /api/v1 this feature calls. */
import type { ApplicationDetail, ApplicationPage, ConsortiumPartner } from '@scenebridge/contract/applications';
import type { ApplicationContentRaw } from '@scenebridge/domain';
import { get, patch, post, type Query } from '../../shared/http';

export type Application = ApplicationDetail;
export type ApplicationInput = ApplicationContentRaw;
export type Partner = ConsortiumPartner;

/** TanStack Query keys: everything this feature caches starts with ['applications']. */
export const applicationsKeys = {
  all: ['applications'] as const,
  mine: (query: Query) => ['applications', 'mine', query] as const,
  ofChallenge: (challengeId: string, query: Query) => ['applications', 'challenge', challengeId, query] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  partners: (q: string) => ['applications', 'partners', q] as const,
};

const enc = encodeURIComponent;
export const applicationsApi = {
  mine: (query: Query) => get<ApplicationPage>('/applications', query),
  ofChallenge: (challengeId: string, query: Query) => get<ApplicationPage>(`/challenges/${enc(challengeId)}/applications`, query),
  get: (id: string) => get<Application>(`/applications/${enc(id)}`),
  create: (challengeId: string, input: ApplicationInput) => post<Application>(`/challenges/${enc(challengeId)}/applications`, input),
  update: (id: string, input: ApplicationInput) => patch<Application>(`/applications/${enc(id)}`, input),
  transition: (id: string, action: string, reason?: string) =>
    post<Application>(`/applications/${enc(id)}/transitions`, { action, reason }),
  decide: (id: string, decision: 'confirm' | 'decline', reason?: string) =>
    post<Application>(`/applications/${enc(id)}/membership`, { decision, reason }),
  partners: async (q: string) => (await get<{ items: Partner[] }>('/consortium-partners', { q })).items,
};
