/**
 * 技术合同登记 (docs/contracts.md): what the API answers. Input rules live in the domain
 * (`contractInputSchema`, packages/domain/src/contracts/schema.ts); the web sends
 * `ContractInputBody` and reads the code lists and checks from `./labels`.
 *
 * Routes (all under /api/v1):
 * - GET    /contracts                      ?scope=mine|all&status&contractType&kind&q&signedFrom&signedTo&current&page&pageSize → contractPage
 * - GET    /contracts/export.xlsx          same filters → XLSX
 * - GET    /contracts/queue                registrar queue (submitted/accepted, by due date) ?status&dueSoon&overdue&q&page&pageSize → contractQueuePage
 * - GET    /contracts/queue/export.xlsx    the queue → XLSX
 * - POST   /contracts                      body ContractInputBody → 201 contractDetail (a draft)
 * - GET    /contracts/:id                  → contractDetail
 * - PATCH  /contracts/:id                  body ContractInputBody (& expectedVersion?) → contractDetail (draft or returned only)
 * - POST   /contracts/:id/transitions      {action, reason?}: submit | resubmit | discard (seller) · accept | return_for_correction | register | refuse (registrar, operator) → contractDetail
 * - POST   /contracts/:id/attachments      multipart `file` (PDF, ≤ the upload limit, config maxUploadBytes: 10 MB) → 201 contractAttachment
 * - GET    /contracts/:id/attachments/:attachmentId → the PDF
 * - DELETE /contracts/:id/attachments/:attachmentId → 204 (draft or returned only)
 * - POST   /contracts/:id/change           body {contract: ContractInputBody} → 201 contractDetail (new draft version, kind change)
 * - POST   /contracts/:id/cancellation     body {reason} → 201 contractDetail (new draft version, kind cancellation)
 * - GET    /contracts/import/template.xlsx → the historical-import template (registrar, operator)
 * - POST   /contracts/import?mode=dry_run|commit  multipart `file` (XLSX) → contractImportReport (422 IMPORT_HAS_ERRORS with the same report in details on a commit with errors)
 */
import {
  CONTRACT_ORIGINS,
  CONTRACT_REGISTRATION_STATES,
  CONTRACT_TYPES,
  CONTRACT_VERSION_KINDS,
  LEGAL_NATURES,
  PATENT_NUMBER_KINDS,
  PAYMENT_METHODS,
  contractRegistrationMachine,
} from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';
import { importRowError } from '../imports/index.js';

export type { ContractInputRaw as ContractInputBody, ContractInput } from '@scenebridge/domain';

const civilDate = z.string().describe('YYYY-MM-DD, a day in Asia/Shanghai');

export const CONTRACT_ACTIONS = contractRegistrationMachine.transitions.map((t) => t.action) as [
  (typeof contractRegistrationMachine.transitions)[number]['action'],
  ...(typeof contractRegistrationMachine.transitions)[number]['action'][],
];

export const contractParty = z.object({
  name: z.string(),
  /** '' for a natural person. */
  creditCode: z.string(),
  regionCode: z.string(),
  /** "重庆市渝北区". */
  regionName: z.string(),
  natureCode: z.enum(LEGAL_NATURES),
});
export type ContractPartyDto = z.infer<typeof contractParty>;

export const contractPatent = z.object({
  /** Normalised: "201510703489.3". */
  number: z.string(),
  kind: z.enum(PATENT_NUMBER_KINDS),
  /** "ZL201510703489.3" (patent) or "CN201510703489.3" (application). */
  display: z.string(),
});
export type ContractPatentDto = z.infer<typeof contractPatent>;

/** Where a registration under way stands against its statutory last day (null when no clock runs). */
export const contractDeadline = z.object({
  dueOn: civilDate,
  /** Working days left after today up to dueOn (0 on the last day); negative: working days overdue. */
  workingDaysLeft: z.number().int(),
  /** ≤ 3 working days left (CONTRACT_DEADLINE_DEFAULTS.dueSoonWorkingDays), not overdue. */
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  /** 30 working days (expert review, a large contract) instead of 15. */
  expertReview: z.boolean(),
});
export type ContractDeadline = z.infer<typeof contractDeadline>;

export const contractSummary = z.object({
  id: z.string(),
  lineageId: z.string(),
  versionNo: z.number().int(),
  kind: z.enum(CONTRACT_VERSION_KINDS),
  supersedesId: z.string().nullable(),
  supersededAt: isoDateTime.nullable(),
  /** Registered, not superseded and not a cancellation: what the statistics count. */
  current: z.boolean(),
  sellerOrganizationId: z.string(),
  sellerOrganizationName: z.string(),
  projectName: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  buyerName: z.string(),
  sellerName: z.string(),
  signedOn: civilDate,
  /** 合同成交额, 分. */
  contractAmountFen: z.number().int(),
  /** 技术交易额, 分 (≤ contractAmountFen). */
  technologyAmountFen: z.number().int(),
  status: z.enum(CONTRACT_REGISTRATION_STATES),
  /** The reason of the last return (补正) or refusal while the registration is in that state. */
  statusReason: z.string().nullable(),
  /** Why this version was started: a cancellation's reason (注销原因), kept through every state. */
  versionNote: z.string().nullable(),
  registrationNo: z.string().nullable(),
  origin: z.enum(CONTRACT_ORIGINS),
  submittedAt: isoDateTime.nullable(),
  acceptedAt: isoDateTime.nullable(),
  registeredAt: isoDateTime.nullable(),
  deadline: contractDeadline.nullable(),
  /**
   * The registrar's moves the viewer may take on this row now (受理 / 登记 / 退回补正 / 不予登记),
   * for lists such as the queue; the seller's own moves (submit needs the PDF) come with the detail.
   */
  handlingActions: z.array(z.enum(CONTRACT_ACTIONS)),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Optimistic lock: send back as expectedVersion when editing. */
  version: z.number().int(),
});
export type ContractSummary = z.infer<typeof contractSummary>;
export const contractPage = pageOf(contractSummary);
export type ContractPage = z.infer<typeof contractPage>;

/** The registrar queue: submitted and accepted registrations, soonest due first. */
export const contractQueuePage = pageOf(contractSummary).extend({
  /** Over the whole queue (not only this page). */
  dueSoonCount: z.number().int(),
  overdueCount: z.number().int(),
});
export type ContractQueuePage = z.infer<typeof contractQueuePage>;

export const contractAttachment = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: isoDateTime,
  /** GET it for the file. */
  url: z.string(),
});
export type ContractAttachmentDto = z.infer<typeof contractAttachment>;

/** One version of the lineage, oldest first. */
export const contractVersionRef = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  kind: z.enum(CONTRACT_VERSION_KINDS),
  status: z.enum(CONTRACT_REGISTRATION_STATES),
  registrationNo: z.string().nullable(),
  registeredAt: isoDateTime.nullable(),
  supersededAt: isoDateTime.nullable(),
  current: z.boolean(),
});
export type ContractVersionRef = z.infer<typeof contractVersionRef>;

export const contractDetail = contractSummary.extend({
  buyer: contractParty,
  seller: contractParty,
  validFrom: civilDate,
  validUntil: civilDate,
  paymentMethod: z.enum(PAYMENT_METHODS),
  patents: z.array(contractPatent),
  expectedInvestmentFen: z.number().int().nullable(),
  expectedOutputFen: z.number().int().nullable(),
  technologyField: z.string().nullable(),
  dealId: z.string().nullable(),
  needId: z.string().nullable(),
  decidedByName: z.string().nullable(),
  attachments: z.array(contractAttachment),
  versions: z.array(contractVersionRef),
  /** Machine moves the caller may take now (submit needs a PDF: present only when one is attached). */
  allowedActions: z.array(z.enum(CONTRACT_ACTIONS)),
  /** The seller may edit the content and the attachments (draft or returned). */
  canEdit: z.boolean(),
  /** The seller may start a change / cancellation (the current registered version, no other version under way). */
  canChange: z.boolean(),
  canCancel: z.boolean(),
});
export type ContractDetail = z.infer<typeof contractDetail>;

/** The historical import's report (dry run or commit); rows carry the Excel row number and the column header. */
export const contractImportReport = z.object({
  mode: z.enum(['dry_run', 'commit']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Rows whose import key (登记编号, or the row's hash) was imported before: skipped, never twice. */
  duplicates: z.number().int(),
  created: z.number().int(),
  committed: z.boolean(),
  errors: z.array(importRowError),
});
export type ContractImportReport = z.infer<typeof contractImportReport>;

export * from './lifecycle.js';
export * from './labels.js';
