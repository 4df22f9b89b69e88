/**
 * Who may do what with a technology-contract registration (docs/contracts.md). The seller
 * organisation's users own it: they alone create, edit (draft or returned), submit, resubmit,
 * discard and start a change or cancellation. Registrars (the `registrar` role) and operators
 * see every registration and decide them. Anyone else is told it does not exist (404).
 */
import { DomainError, forbidden, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

export type ContractAccess = { sellerOrganizationId: string; status: string };

export const isRegistrar = (a: Actor | null): boolean => !!a && a.roles.includes('registrar');
/** Registrars, or the operator where no registrar is appointed: who handles registrations. */
export const handlesContracts = (a: Actor | null): boolean => isRegistrar(a) || isOperator(a);

export const ownsContract: Rule<Pick<ContractAccess, 'sellerOrganizationId'>> = (a, c) =>
  isOrgUser(a) && a!.organizationId === c.sellerOrganizationId;
const ownsApproved: Rule<ContractAccess> = (a, c) => ownsContract(a, c) && a!.organizationStatus === 'approved';

export const CONTRACT_EDITABLE = new Set(['draft', 'returned']);

export type ContractPolicyAction = 'edit' | 'actAsOwner' | 'actAsRegistrar';

export const contractPolicy = definePolicy<ContractAccess, ContractPolicyAction>('技术合同登记', {
  view: (a, c) => ownsContract(a, c) || handlesContracts(a),
  edit: (a, c) => ownsApproved(a, c) && CONTRACT_EDITABLE.has(c.status),
  actAsOwner: ownsApproved,
  actAsRegistrar: (a) => handlesContracts(a),
});

/** Registering a contract, before anything is read: a user of an approved organisation (the seller side). */
export function authorizeRegistering(actor: Actor | null): Actor {
  if (!actor || !isOrgUser(actor)) throw forbidden('只有机构用户可以办理技术合同登记');
  if (actor.organizationStatus !== 'approved')
    throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能办理技术合同登记', 403);
  return actor;
}

/** The historical import, the queue and the template: registrars and operators. */
export function authorizeHandling(actor: Actor | null): Actor {
  if (!actor || !handlesContracts(actor)) throw forbidden('只有技术合同登记员或平台运营方可以办理');
  return actor;
}

/** The caller's roles in the registration machine; the clock (actor null) acts as the system. */
export function contractMachineActors(actor: Actor | null, c: ContractAccess): MachineActor[] {
  if (!actor) return ['system'];
  const out: MachineActor[] = [];
  if (contractPolicy.allow(actor, 'actAsOwner', c)) out.push('owner');
  if (isRegistrar(actor)) out.push('registrar');
  if (isOperator(actor)) out.push('operator');
  return out;
}
