import { randomUUID } from 'node:crypto';
import { insertTechContract } from '@scenebridge/db';
import type { ContractInput } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { assertSignedOnNotFuture, checkContractLinks, contractColumns } from './content.js';
import { contractDetailFor } from './context.js';
import { authorizeRegistering } from './policy.js';

/** 技术合同登记, first step: the seller organisation's draft, checked in full. */
export async function createContract({ services, actor, input }: { services: Services; actor: Actor | null; input: ContractInput }) {
  const seller = authorizeRegistering(actor);
  assertSignedOnNotFuture(input.signedOn, services.now());
  return inTransaction(services, actor, async (tx, events) => {
    await checkContractLinks(tx, input);
    const id = randomUUID();
    await insertTechContract(tx, {
      ...contractColumns(input),
      id,
      lineageId: id,
      versionNo: 1,
      kind: 'original',
      sellerOrganizationId: seller.organizationId,
      status: 'draft',
      origin: 'online',
      createdBy: seller.userId,
    });
    await events.record({ action: 'contract.created', entityType: 'tech_contract', entityId: id, toState: 'draft', data: input });
    return contractDetailFor(tx, actor, id, services.now());
  });
}
