/** 揭榜 applications: the part of /api/v1 this feature calls. */
import type { ApplicationDetail, ApplicationPage, ApplicationSummary, ConsortiumPartner } from '@scenebridge/contract/applications';
import type { ApplicationContentRaw } from '@scenebridge/domain';
import type { Attachment } from '../../shared/types';
import { buildUrl, del, get, patch, post, upload, type Query } from '../../shared/http';

/** An application as lists show it. */
export type Application = ApplicationSummary;
/** An application as its own page shows it: with its files. */
export type ApplicationWithFiles = ApplicationDetail;
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
  get: (id: string) => get<ApplicationWithFiles>(`/applications/${enc(id)}`),
  create: (challengeId: string, input: ApplicationInput) =>
    post<ApplicationWithFiles>(`/challenges/${enc(challengeId)}/applications`, input),
  update: (id: string, input: ApplicationInput) => patch<ApplicationWithFiles>(`/applications/${enc(id)}`, input),
  transition: (id: string, action: string, reason?: string) =>
    post<ApplicationWithFiles>(`/applications/${enc(id)}/transitions`, { action, reason }),
  decide: (id: string, decision: 'confirm' | 'decline', reason?: string) =>
    post<ApplicationWithFiles>(`/applications/${enc(id)}/membership`, { decision, reason }),
  uploadAttachment: (id: string, file: File | Blob, filename?: string) =>
    upload<Attachment>(`/applications/${enc(id)}/attachments`, file, undefined, filename),
  deleteAttachment: (attachmentId: string) => del<void>(`/application-attachments/${enc(attachmentId)}`),
  attachmentUrl: (attachmentId: string) => buildUrl(`/application-attachments/${enc(attachmentId)}`),
  partners: async (q: string) => (await get<{ items: Partner[] }>('/consortium-partners', { q })).items,
};
