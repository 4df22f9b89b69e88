/** 技术合同登记: the part of /api/v1 this feature calls (routes listed in @scenebridge/contract/contracts). */
import type {
  ContractAttachmentDto,
  ContractDeadline,
  ContractDetail,
  ContractImportReport,
  ContractInputBody,
  ContractPage,
  ContractQueuePage,
  ContractSummary,
  ContractVersionRef,
} from '@scenebridge/contract/contracts';
import type { DealList } from '@scenebridge/contract/deals';
import { API_BASE, buildUrl, del, enc, get, post, request, upload, type Query } from '../../shared/http';

export type {
  ContractAttachmentDto as ContractAttachment,
  ContractDeadline,
  ContractDetail,
  ContractImportReport,
  ContractInputBody as ContractInput,
  ContractPage,
  ContractQueuePage,
  ContractSummary,
  ContractVersionRef,
};

/** TanStack Query keys: everything this feature caches starts with ['contracts']. */
export const contractsKeys = {
  all: ['contracts'] as const,
  list: (query: Query) => ['contracts', 'list', query] as const,
  queue: (query: Query) => ['contracts', 'queue', query] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
  deals: ['contracts', 'deal-choices'] as const,
};

const one = (id: string) => `/contracts/${enc(id)}`;
/** An attachment's `url` as the answer gives it (under /api/v1), or built from its ids. */
export const attachmentHref = (contractId: string, a: { id: string; url?: string }) =>
  a.url && a.url.startsWith(API_BASE) ? a.url : buildUrl(`${one(contractId)}/attachments/${enc(a.id)}`);

export const contractsApi = {
  list: (query: Query) => get<ContractPage>('/contracts', query),
  queue: (query: Query) => get<ContractQueuePage>('/contracts/queue', query),
  get: (id: string) => get<ContractDetail>(one(id)),
  create: (input: ContractInputBody) => post<ContractDetail>('/contracts', input),
  /** `expectedVersion` (the version the form was filled from): CONFLICT instead of overwriting someone else's edit. */
  update: (id: string, input: ContractInputBody, expectedVersion?: number) =>
    request<ContractDetail>('PATCH', one(id), { body: input, query: { expectedVersion } }),
  uploadPdf: (id: string, file: File) => upload<ContractAttachmentDto>(`${one(id)}/attachments`, file),
  removePdf: (id: string, attachmentId: string) => del<void>(`${one(id)}/attachments/${enc(attachmentId)}`),
  transition: (id: string, action: string, reason?: string) => post<ContractDetail>(`${one(id)}/transitions`, { action, reason }),
  /** 申请变更: a new draft version carrying the changed content. */
  change: (id: string, input: ContractInputBody) => post<ContractDetail>(`${one(id)}/change`, { contract: input }),
  /** 申请注销: a new draft version of kind cancellation. */
  cancellation: (id: string, reason: string) => post<ContractDetail>(`${one(id)}/cancellation`, { reason }),
  importTemplateUrl: () => buildUrl('/contracts/import/template.xlsx'),
  importFile: (file: File, mode: 'dry_run' | 'commit') => upload<ContractImportReport>('/contracts/import', file, { mode }),
  /** Deals this contract may conclude (关联对接项目): the viewer's own, not declined. */
  dealChoices: async () => (await get<DealList>('/deals', { pageSize: 100 })).items.filter((d) => d.status !== 'declined'),
};
export const CONTRACTS_EXPORT_PATH = '/contracts/export.xlsx';
export const QUEUE_EXPORT_PATH = '/contracts/queue/export.xlsx';
