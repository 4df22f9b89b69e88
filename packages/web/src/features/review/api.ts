/** Review (评审): the operator side, then the reviewer side: the part of /api/v1 this feature calls. */
import { del, enc, get, post, put } from '../../shared/http';
import type {
  AssignmentDetail,
  AutoAssignResult,
  ConflictResult,
  CreatedAssignment,
  MyAssignmentList,
  Ranking,
  ReviewerList,
  ReviewerRelationList,
  SavedScores,
  SelectionResult,
} from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['review']. */
export const reviewKeys = {
  all: ['review'] as const,
  reviewers: ['review', 'reviewers'] as const,
  ranking: (callId: string) => ['review', 'ranking', callId] as const,
  myAssignments: ['review', 'my-assignments'] as const,
  myAssignment: (id: string) => ['review', 'my-assignment', id] as const,
  myRelations: ['review', 'my-relations'] as const,
};

export const reviewApi = {
  autoAssign: (callId: string, dueAt?: string) => post<AutoAssignResult>(`/calls/${enc(callId)}/assignments/auto`, { dueAt }),
  assignReviewer: (callId: string, submissionId: string, reviewerUserId: string, dueAt?: string) =>
    post<CreatedAssignment>(`/calls/${enc(callId)}/assignments`, { submissionId, reviewerUserId, dueAt }),
  removeAssignment: (id: string) => del<void>(`/review-assignments/${enc(id)}`),
  reviewers: async () => (await get<ReviewerList>('/reviewers')).items,
  ranking: (callId: string) => get<Ranking>(`/calls/${enc(callId)}/ranking`),
  decideSelection: (callId: string, submissionIds: string[], action: 'select' | 'reject', reason?: string) =>
    post<SelectionResult>(`/calls/${enc(callId)}/selection`, { submissionIds, action, reason }),
  myAssignments: async (callId?: string) => (await get<MyAssignmentList>('/reviews/assignments', { callId })).items,
  myAssignment: (id: string) => get<AssignmentDetail>(`/reviews/assignments/${enc(id)}`),
  saveScores: (id: string, scores: Record<string, number>, comments: Record<string, string>, submit: boolean) =>
    put<SavedScores>(`/reviews/assignments/${enc(id)}`, { scores, comments, submit }),
  declareConflict: (id: string, reason: string) => post<ConflictResult>(`/reviews/assignments/${enc(id)}/conflict`, { reason }),
  myRelations: async () => (await get<ReviewerRelationList>('/reviews/relations')).items,
  declareRelation: (organizationId: string, note?: string) => post<void>('/reviews/relations', { organizationId, note }),
  withdrawRelation: (organizationId: string) => del<void>(`/reviews/relations/${enc(organizationId)}`),
};
