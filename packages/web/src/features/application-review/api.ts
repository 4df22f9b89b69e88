/** Review of 揭榜 applications (评审, 答辩/路演): the part of /api/v1 this feature calls. */
import type {
  ApplicationRanking,
  ApplicationReviewDetail,
  DefenceSlot,
  DefenceSlotList,
  MyApplicationReview,
  SavedApplicationScores,
} from '@scenebridge/contract/application-review';
import type { AutoAssignResult } from '@scenebridge/contract/review';
import { del, enc, get, post, put } from '../../shared/http';

export type { ApplicationRanking, ApplicationReviewDetail, DefenceSlot, MyApplicationReview };
export interface SlotInput {
  startsAt: string;
  endsAt: string;
  room: string | null;
  onlineLink: string | null;
  note: string | null;
  applicationIds: string[];
}

/** TanStack Query keys: everything this feature caches starts with ['application-review']. */
export const applicationReviewKeys = {
  all: ['application-review'] as const,
  ranking: (challengeId: string) => ['application-review', 'ranking', challengeId] as const,
  slots: (challengeId: string) => ['application-review', 'slots', challengeId] as const,
  mine: ['application-review', 'mine'] as const,
  detail: (id: string) => ['application-review', 'detail', id] as const,
};

const base = (challengeId: string) => `/challenges/${enc(challengeId)}`;
export const applicationReviewApi = {
  autoAssign: (challengeId: string, k?: number) => post<AutoAssignResult>(`${base(challengeId)}/review/assignments/auto`, { k }),
  ranking: (challengeId: string) => get<ApplicationRanking>(`${base(challengeId)}/review/ranking`),
  removeReview: (challengeId: string, reviewId: string) => del<void>(`${base(challengeId)}/review/assignments/${enc(reviewId)}`),
  slots: async (challengeId: string) => (await get<DefenceSlotList>(`${base(challengeId)}/defence-slots`)).items,
  createSlot: (challengeId: string, input: SlotInput) => post<DefenceSlot>(`${base(challengeId)}/defence-slots`, input),
  updateSlot: (challengeId: string, slotId: string, input: SlotInput) =>
    put<DefenceSlot>(`${base(challengeId)}/defence-slots/${enc(slotId)}`, input),
  cancelSlot: (challengeId: string, slotId: string, reason: string) =>
    post<DefenceSlot>(`${base(challengeId)}/defence-slots/${enc(slotId)}/cancel`, { reason }),
  mine: async () => (await get<{ items: MyApplicationReview[] }>('/application-reviews')).items,
  detail: (id: string) => get<ApplicationReviewDetail>(`/application-reviews/${enc(id)}`),
  save: (id: string, scores: Record<string, number>, comments: Record<string, string>, submit: boolean) =>
    put<SavedApplicationScores>(`/application-reviews/${enc(id)}`, { scores, comments, submit }),
  declareConflict: (id: string, reason: string) =>
    post<{ reassignedTo: string | null }>(`/application-reviews/${enc(id)}/conflict`, { reason }),
};
