/** 任务书 (task agreements): the part of /api/v1 this feature calls. */
import type { AcceptanceTask, AwardDetail, AwardPage } from '@scenebridge/contract/awards';
import type { ReviewerList } from '@scenebridge/contract/review';
import { enc, get, post, type Query } from '../../shared/http';

export type Award = AwardDetail;
export type Milestone = AwardDetail['milestones'][number];

/** TanStack Query keys: everything this feature caches starts with ['awards']. */
export const awardsKeys = {
  all: ['awards'] as const,
  mine: (query: Query) => ['awards', 'mine', query] as const,
  detail: (id: string) => ['awards', 'detail', id] as const,
  tasks: ['awards', 'acceptance-tasks'] as const,
  reviewers: ['awards', 'reviewers'] as const,
};

const milestone = (id: string, milestoneId: string) => `/awards/${enc(id)}/milestones/${enc(milestoneId)}`;
export const awardsApi = {
  mine: (query: Query) => get<AwardPage>('/awards', query),
  get: (id: string) => get<Award>(`/awards/${enc(id)}`),
  tasks: async () => (await get<{ items: AcceptanceTask[] }>('/acceptance-tasks')).items,
  reviewers: async () => (await get<ReviewerList>('/reviewers')).items,
  start: (id: string) => post<Award>(`/awards/${enc(id)}/start`),
  deliver: (id: string, milestoneId: string, body: { note: string; links: { title: string; url: string }[] }) =>
    post<Award>(`${milestone(id, milestoneId)}/delivery`, body),
  assign: (id: string, milestoneId: string, userIds: string[]) => post<Award>(`${milestone(id, milestoneId)}/acceptors`, { userIds }),
  opinion: (id: string, milestoneId: string, body: { verdict: string; score: number; opinion?: string }) =>
    post<Award>(`${milestone(id, milestoneId)}/opinions`, body),
  pay: (id: string, body: { milestoneId: string; amountFen: number; paidOn: string; reference: string; requestKey: string }) =>
    post<Award>(`/awards/${enc(id)}/payments`, body),
  eliminate: (id: string, reason: string) => post<Award>(`/awards/${enc(id)}/elimination`, { reason }),
};
