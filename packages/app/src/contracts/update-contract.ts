import { findTechContract, updateTechContract } from '@scenebridge/db';
import { DomainError, notFound, type ContractInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor } from '../shared/index.js';
import { assertSignedOnNotFuture, checkContractLinks, contractColumns } from './content.js';
import { contractDetailFor } from './context.js';
import { contractPolicy } from './policy.js';

/**
 * The seller edits its registration while it is a draft or returned for correction (补正). A
 * change or cancellation version keeps its lineage; a cancellation's content is the registered
 * text and is not edited.
 */
export async function updateContract({
  services,
  actor,
  id,
  input,
  expectedVersion,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  input: ContractInput;
  expectedVersion?: number;
}) {
  requireActor(actor);
  assertSignedOnNotFuture(input.signedOn, services.now());
  return inTransaction(services, actor, async (tx, events) => {
    const c = await findTechContract(tx, id, { forUpdate: true });
    if (!c) throw notFound(contractPolicy.label);
    contractPolicy.authorize(actor, 'view', c);
    if (!contractPolicy.allow(actor, 'edit', c)) {
      if (contractPolicy.allow(actor, 'actAsOwner', c)) throw new DomainError('CONTRACT_NOT_EDITABLE', '合同登记已提交，不能修改', 409);
      contractPolicy.authorize(actor, 'edit', c);
    }
    if (c.kind === 'cancellation') throw new DomainError('CONTRACT_NOT_EDITABLE', '注销登记沿用已登记的合同内容，不能修改', 409);
    await checkContractLinks(tx, input);
    const row = await updateTechContract(tx, id, contractColumns(input), expectedVersion);
    if (!row) throw new DomainError('CONFLICT', '该登记已被他人修改，请刷新后重试', 409);
    await events.record({
      action: 'contract.updated',
      entityType: 'tech_contract',
      entityId: id,
      fromState: c.status,
      toState: c.status,
      data: input,
    });
    return contractDetailFor(tx, actor, id, services.now());
  });
}
