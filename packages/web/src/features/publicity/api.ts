/** 公示 and 异议: the part of /api/v1 this feature calls. */
import type { ObjectionDto, ObjectionList, PublicityDetail, PublicityPage } from '@scenebridge/contract/publicity';
import { get, post, type Query } from '../../shared/http';

export type Publicity = PublicityDetail;
export type Objection = ObjectionDto;
export interface ObjectionInput {
  itemId: string;
  reasons: string;
  evidence: { title: string; url: string }[];
  contact: string;
}

/** TanStack Query keys: everything this feature caches starts with ['publicity']. */
export const publicityKeys = {
  all: ['publicity'] as const,
  list: (query: Query) => ['publicity', 'list', query] as const,
  detail: (id: string) => ['publicity', 'detail', id] as const,
  objections: (id: string) => ['publicity', 'objections', id] as const,
  mine: ['publicity', 'mine'] as const,
};

export const publicityApi = {
  list: (query: Query) => get<PublicityPage>('/publicities', query),
  get: (id: string) => get<Publicity>(`/publicities/${encodeURIComponent(id)}`),
  create: (input: { subjectKind: PublicityDetail['subjectKind']; subjectId: string; title?: string; workingDays: number }) =>
    post<Publicity>('/publicities', input),
  transition: (id: string, action: string, reason?: string) =>
    post<Publicity>(`/publicities/${encodeURIComponent(id)}/transitions`, { action, reason }),
  objections: (id: string) => get<ObjectionList>(`/publicities/${encodeURIComponent(id)}/objections`),
  lodge: (id: string, input: ObjectionInput) => post<Objection>(`/publicities/${encodeURIComponent(id)}/objections`, input),
  mine: () => get<ObjectionList>('/publicity-objections/mine'),
  decide: (id: string, action: 'dismiss' | 'uphold', reason: string) =>
    post<Objection>(`/publicity-objections/${encodeURIComponent(id)}/decision`, { action, reason }),
};
