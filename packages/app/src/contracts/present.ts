/** A registration as the API answers it (contract `@scenebridge/contract/contracts`). */
import { isCurrentContract, type TechContractAttachmentMeta, type TechContractRow, type TechContractWithNames } from '@scenebridge/db';
import {
  allowedActions,
  contractRegistrationMachine,
  deadlineState,
  formatPatentNumber,
  regionFullName,
  type Calendars,
  type ContractDeadlineRules,
  type ContractRegistrationState,
  type PatentNumberKind,
} from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { contractMachineActors, contractPolicy } from './policy.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const RUNNING = new Set(['submitted', 'accepted']);
/** The registrar's side of the machine: what a list row may offer (the seller's moves are the detail's). */
const HANDLING = new Set(['accept', 'register', 'return_for_correction', 'refuse']);

export interface PresentContext {
  actor: Actor | null;
  now: Date;
  calendar: Calendars;
  rules: ContractDeadlineRules;
}

export function presentContractSummary(c: TechContractWithNames, ctx: PresentContext) {
  return {
    id: c.id,
    lineageId: c.lineageId,
    versionNo: c.versionNo,
    kind: c.kind,
    supersedesId: c.supersedesId,
    supersededAt: iso(c.supersededAt),
    current: isCurrentContract(c),
    sellerOrganizationId: c.sellerOrganizationId,
    sellerOrganizationName: c.sellerOrganizationName,
    projectName: c.projectName,
    contractType: c.contractType,
    buyerName: c.buyerName,
    sellerName: c.sellerName,
    signedOn: c.signedOn,
    contractAmountFen: c.contractAmountFen,
    technologyAmountFen: c.technologyAmountFen,
    status: c.status,
    statusReason: c.statusReason,
    versionNote: c.versionNote,
    registrationNo: c.registrationNo,
    origin: c.origin,
    submittedAt: iso(c.submittedAt),
    acceptedAt: iso(c.acceptedAt),
    registeredAt: iso(c.registeredAt),
    deadline:
      RUNNING.has(c.status) && c.dueOn
        ? { ...deadlineState(c.dueOn, ctx.now, ctx.calendar, ctx.rules), expertReview: c.expertReview }
        : null,
    handlingActions: allowedActions(
      contractRegistrationMachine,
      c.status as ContractRegistrationState,
      contractMachineActors(ctx.actor, c),
    ).filter((a) => HANDLING.has(a)),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

const party = (name: string, creditCode: string, regionCode: string, natureCode: string) => ({
  name,
  creditCode,
  regionCode,
  regionName: regionFullName(regionCode),
  natureCode,
});

export function presentContractDetail(
  c: TechContractWithNames,
  ctx: PresentContext & {
    attachments: TechContractAttachmentMeta[];
    versions: TechContractRow[];
  },
) {
  const actors = contractMachineActors(ctx.actor, c);
  const hasPdf = ctx.attachments.length > 0;
  const owner = contractPolicy.allow(ctx.actor, 'actAsOwner', c);
  const underWay = ctx.versions.some((v) => v.id !== c.id && ['draft', 'submitted', 'accepted', 'returned'].includes(v.status));
  const current = isCurrentContract(c);
  return {
    ...presentContractSummary(c, ctx),
    buyer: party(c.buyerName, c.buyerCreditCode, c.buyerRegionCode, c.buyerNatureCode),
    seller: party(c.sellerName, c.sellerCreditCode, c.sellerRegionCode, c.sellerNatureCode),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    paymentMethod: c.paymentMethod,
    patents: (c.patents as { number: string; kind: PatentNumberKind }[]).map((p) => ({
      ...p,
      display: formatPatentNumber(p.kind, p.number),
    })),
    expectedInvestmentFen: c.expectedInvestmentFen,
    expectedOutputFen: c.expectedOutputFen,
    technologyField: c.technologyField,
    dealId: c.dealId,
    needId: c.needId,
    decidedByName: c.decidedByName,
    attachments: ctx.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      createdAt: a.createdAt.toISOString(),
      url: `/api/v1/contracts/${c.id}/attachments/${a.id}`,
    })),
    versions: ctx.versions.map((v) => ({
      id: v.id,
      versionNo: v.versionNo,
      kind: v.kind,
      status: v.status,
      registrationNo: v.registrationNo,
      registeredAt: iso(v.registeredAt),
      supersededAt: iso(v.supersededAt),
      current: isCurrentContract(v),
    })),
    // Submitting needs the signed PDF: the button shows only once one is attached.
    allowedActions: allowedActions(contractRegistrationMachine, c.status as ContractRegistrationState, actors).filter(
      (a) => (a !== 'submit' && a !== 'resubmit') || hasPdf,
    ),
    canEdit: contractPolicy.allow(ctx.actor, 'edit', c),
    canChange: owner && current && !underWay,
    canCancel: owner && current && !underWay,
  };
}
