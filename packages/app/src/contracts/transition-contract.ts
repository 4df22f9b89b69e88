/**
 * The registration's moves (docs/contracts.md), each through the machine and audited in its
 * transaction: submit / resubmit (the seller; the signed PDF required; starts the statutory
 * clock from zero and computes the last day), discard (a draft), accept (受理), return for
 * correction (补正, reason), register (登记: draws the registration number under an advisory
 * lock; a change or cancellation supersedes the version before; a contract about a need moves
 * that need to awarded) and refuse (未予登记, reason).
 */
import {
  countTechContractAttachments,
  findTechContract,
  nextContractRegistrationSerial,
  supersedeTechContract,
  updateTechContractStatus,
  type NewTechContract,
  type Transaction,
  type TechContractWithNames,
} from '@scenebridge/db';
import {
  contractRegistrationMachine,
  decide,
  DomainError,
  formatRegistrationNo,
  needsExpertReview,
  notFound,
  registrationPrefix,
  shanghaiDate,
  type ContractRegistrationState,
} from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction, requireActor, type TransactionEvents } from '../shared/index.js';
import { awardNeedForContract, needOfContract } from './award-need.js';
import { computeDueOn } from './content.js';
import { contractDetailFor } from './context.js';
import { contractMachineActors, contractPolicy } from './policy.js';
import { loadContractDeadlineRules } from './settings.js';

export async function transitionContract({
  services,
  actor,
  id,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  action: string;
  reason?: string;
}) {
  requireActor(actor);
  return inTransaction(services, actor, async (tx, events) => {
    const c = await findTechContract(tx, id, { forUpdate: true });
    if (!c) throw notFound(contractPolicy.label);
    contractPolicy.authorize(actor, 'view', c);
    await applyContractTransition(tx, events, actor, c, action, reason, services.now());
    return contractDetailFor(tx, actor, id, services.now());
  });
}

/** One move, by a user (or the system), in the caller's transaction. */
export async function applyContractTransition(
  tx: Transaction,
  events: TransactionEvents,
  actor: Actor | null,
  c: TechContractWithNames,
  action: string,
  reason: string | undefined,
  now: Date,
): Promise<void> {
  const t = decide(contractRegistrationMachine, {
    from: c.status as ContractRegistrationState,
    action: action as never,
    actors: contractMachineActors(actor, c),
    reason,
  });
  const why = reason?.trim() || null;
  const patch: Partial<NewTechContract> = {};
  let data: Record<string, unknown> | undefined;
  switch (t.action) {
    case 'submit':
    case 'resubmit': {
      if ((await countTechContractAttachments(tx, c.id)) === 0) {
        throw new DomainError('CONTRACT_PDF_REQUIRED', '请先上传已签署的合同文本（PDF）', 409);
      }
      const rules = await loadContractDeadlineRules(tx);
      const expertReview = needsExpertReview(c.technologyAmountFen, rules);
      const dueOn = await computeDueOn(tx, now, expertReview, rules);
      Object.assign(patch, { submittedAt: now, clockStartedAt: now, dueOn, expertReview, acceptedAt: null });
      // A resubmission keeps the returned reason on record in the audit trail, not on the row.
      patch.statusReason = null;
      data = { dueOn, expertReview, clockStartedAt: now.toISOString() };
      break;
    }
    case 'accept':
      Object.assign(patch, { acceptedAt: now, decidedBy: actor?.userId ?? null });
      break;
    case 'return_for_correction':
      // The clock stops; the resubmission starts it again from zero.
      Object.assign(patch, { statusReason: why, decidedBy: actor?.userId ?? null, dueOn: null, clockStartedAt: null });
      break;
    case 'refuse':
      Object.assign(patch, { statusReason: why, decidedBy: actor?.userId ?? null });
      break;
    case 'register': {
      const year = Number(shanghaiDate(now).slice(0, 4));
      const prefix = registrationPrefix(year, c.sellerRegionCode);
      const registrationNo = formatRegistrationNo(year, c.sellerRegionCode, await nextContractRegistrationSerial(tx, prefix));
      Object.assign(patch, {
        registeredAt: now,
        registrationNo,
        decidedBy: actor?.userId ?? null,
        statusReason: null,
      });
      data = { registrationNo };
      break;
    }
    default:
      break;
  }
  const moved = await updateTechContractStatus(tx, c.id, c.status, t.to, patch);
  if (!moved) throw new DomainError('CONFLICT', '登记状态已变化，请刷新后重试', 409);
  await events.record({
    action: `contract.${t.action}`,
    entityType: 'tech_contract',
    entityId: c.id,
    fromState: c.status,
    toState: t.to,
    reason: why,
    data,
  });
  if (t.action !== 'register') return;
  // A change or cancellation replaces the version before, in the same transaction.
  if (c.supersedesId) {
    if (!(await supersedeTechContract(tx, c.supersedesId, now))) {
      throw new DomainError('CONTRACT_NOT_CURRENT', '被变更或注销的合同版本已不是当前有效版本', 409);
    }
    await events.record({
      action: 'contract.superseded',
      entityType: 'tech_contract',
      entityId: c.supersedesId,
      data: { by: c.id, kind: c.kind, registrationNo: moved.registrationNo },
    });
  }
  if (c.kind !== 'cancellation') {
    const needId = await needOfContract(tx, c);
    if (needId) await awardNeedForContract(tx, events, needId, moved);
  }
}
