/** 揭榜挂帅 challenges: the part of /api/v1 this feature calls. */
import type { ChallengeDetail, ChallengePage } from '@scenebridge/contract/challenges';
import type { ChallengeInputRaw } from '@scenebridge/domain';
import { get, patch, post, type Query } from '../../shared/http';

export type Challenge = ChallengeDetail;
export type ChallengeInput = ChallengeInputRaw;

/** TanStack Query keys: everything this feature caches starts with ['challenges']. */
export const challengesKeys = {
  all: ['challenges'] as const,
  list: (query: Query) => ['challenges', 'list', query] as const,
  detail: (id: string) => ['challenges', 'detail', id] as const,
};

export const challengesApi = {
  list: (query: Query) => get<ChallengePage>('/challenges', query),
  get: (id: string) => get<Challenge>(`/challenges/${encodeURIComponent(id)}`),
  create: (input: ChallengeInput) => post<Challenge>('/challenges', input),
  update: (id: string, input: ChallengeInput & { changeNote?: string }) => patch<Challenge>(`/challenges/${encodeURIComponent(id)}`, input),
  transition: (id: string, action: string, reason?: string) =>
    post<Challenge>(`/challenges/${encodeURIComponent(id)}/transitions`, { action, reason }),
};
