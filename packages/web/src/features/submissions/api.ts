/** Submissions (填报), their attachments and history: the part of /api/v1 this feature calls. */
import { buildUrl, del, get, patch, post, upload, type Query } from '../../shared/http';
import type { HistoryEvent, Submission, SubmissionData, SubmissionHistory, SubmissionPage, Attachment } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['submissions']. */
export const submissionsKeys = {
  all: ['submissions'] as const,
  list: (query: Query) => ['submissions', 'list', query] as const,
  detail: (id: string) => ['submissions', 'detail', id] as const,
  history: (id: string) => ['submissions', 'history', id] as const,
  /** What the fill-in form starts from: the submission being edited or the call of a new one. */
  form: (id: string, callId: string) => ['submissions', 'form', id, callId] as const,
};

export const submissionsApi = {
  submissions: (query: Query) => get<SubmissionPage>('/submissions', query),
  submission: (id: string) => get<Submission>(`/submissions/${encodeURIComponent(id)}`),
  createSubmission: (callId: string, data: SubmissionData) => post<Submission>('/submissions', { callId, data }),
  updateSubmission: (id: string, data: SubmissionData) => patch<Submission>(`/submissions/${encodeURIComponent(id)}`, { data }),
  submissionTransition: (id: string, action: string, reason?: string) =>
    post<Submission>(`/submissions/${encodeURIComponent(id)}/transitions`, { action, reason }),
  submissionHistory: async (id: string): Promise<HistoryEvent[]> =>
    (await get<SubmissionHistory>(`/submissions/${encodeURIComponent(id)}/history`)).items,
  uploadAttachment: (submissionId: string, file: File | Blob, filename?: string) =>
    upload<Attachment>(`/submissions/${encodeURIComponent(submissionId)}/attachments`, file, undefined, filename),
  deleteAttachment: (id: string) => del<void>(`/attachments/${encodeURIComponent(id)}`),
  attachmentUrl: (id: string) => buildUrl(`/attachments/${encodeURIComponent(id)}`),
};
