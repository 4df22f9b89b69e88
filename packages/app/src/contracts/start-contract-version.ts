/**
 * 变更 / 注销 of a registered contract: never an edit in place, but a new draft version in the
 * same lineage (kind change | cancellation, supersedes_id the registered version). It goes
 * through the same registration (PDF of the change or termination agreement, submit, accept,
 * register); registering it marks the version before superseded. Only the current registered
 * version may be changed or cancelled, and only one new version may be under way at a time.
 */
import { randomUUID } from 'node:crypto';
import { findTechContract, insertTechContract, isCurrentContract, listContractLineage, type NewTechContract } from '@scenebridge/db';
import { DomainError, notFound, type ContractInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { assertSignedOnNotFuture, checkContractLinks, contractColumns } from './content.js';
import { contractDetailFor } from './context.js';
import { contractPolicy } from './policy.js';

const UNDER_WAY = new Set(['draft', 'submitted', 'accepted', 'returned']);

export async function startContractVersion({
  services,
  actor,
  id,
  kind,
  input,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  kind: 'change' | 'cancellation';
  /** The changed content (change only). */
  input?: ContractInput;
  /** Why it is cancelled (cancellation only). */
  reason?: string;
}) {
  const a = requireActor(actor);
  if (kind === 'change') {
    if (!input) throw new DomainError('VALIDATION_FAILED', '请填写变更后的合同内容', 400);
    assertSignedOnNotFuture(input.signedOn, services.now());
  }
  return inTransaction(services, a, async (tx, events) => {
    const c = await findTechContract(tx, id, { forUpdate: true });
    if (!c) throw notFound(contractPolicy.label);
    contractPolicy.authorize(a, 'view', c);
    contractPolicy.authorize(a, 'actAsOwner', c);
    if (!isCurrentContract(c)) throw new DomainError('CONTRACT_NOT_CURRENT', '只能对当前有效的已登记合同办理变更或注销', 409);
    const lineage = await listContractLineage(tx, c.lineageId);
    if (lineage.some((v) => UNDER_WAY.has(v.status))) {
      throw new DomainError('CONTRACT_VERSION_PENDING', '该合同已有尚未办结的变更或注销登记', 409);
    }
    if (kind === 'change') await checkContractLinks(tx, input!);
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, sellerOrganizationName: _s, decidedByName: _d, ...registered } = c;
    const content: Partial<NewTechContract> = kind === 'change' ? contractColumns(input!) : {};
    const newId = randomUUID();
    await insertTechContract(tx, {
      ...registered,
      ...content,
      id: newId,
      lineageId: c.lineageId,
      versionNo: Math.max(...lineage.map((v) => v.versionNo)) + 1,
      kind,
      supersedesId: c.id,
      supersededAt: null,
      status: 'draft',
      statusReason: null,
      versionNote: kind === 'cancellation' ? (reason?.trim() ?? null) : null,
      clockStartedAt: null,
      dueOn: null,
      expertReview: false,
      submittedAt: null,
      acceptedAt: null,
      registeredAt: null,
      decidedBy: null,
      registrationNo: null,
      origin: 'online',
      importKey: null,
      createdBy: a.userId,
    });
    await events.record({
      action: kind === 'change' ? 'contract.change_started' : 'contract.cancellation_started',
      entityType: 'tech_contract',
      entityId: newId,
      toState: 'draft',
      reason: kind === 'cancellation' ? (reason?.trim() ?? null) : null,
      data: { supersedes: c.id, lineageId: c.lineageId, ...(input ? { input } : {}) },
    });
    return contractDetailFor(tx, a, newId, services.now());
  });
}
