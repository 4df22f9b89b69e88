/** Matching (匹配) and interests: the part of /api/v1 this feature calls. */
import { enc, get, post } from '../../shared/http';
import type { InterestList, InterestReceipt, MatchDecision, Matches } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['matching']. */
export const matchingKeys = {
  all: ['matching'] as const,
  matches: (id: string) => ['matching', 'matches', id] as const,
  interests: (id: string) => ['matching', 'interests', id] as const,
  /** The interests of every listing: a new interest shows on both of its sides. */
  allInterests: ['matching', 'interests'] as const,
};

export const matchingApi = {
  matches: (id: string, limit = 20) => get<Matches>(`/listings/${enc(id)}/matches`, { limit }),
  interests: async (id: string) => (await get<InterestList>(`/listings/${enc(id)}/interests`)).items,
  expressInterest: (needId: string, capabilityId: string, message?: string) =>
    post<InterestReceipt>('/interests', { needId, capabilityId, message: message || undefined }),
  decideMatch: (sourceId: string, targetId: string, decision: 'pin' | 'exclude' | 'clear', reason: string) =>
    post<MatchDecision>('/match-decisions', { sourceId, targetId, decision, reason }),
};
