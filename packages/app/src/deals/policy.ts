/**
 * Who may do what with a 对接项目 (docs/deals.md). Operators see and manage every deal. A user of
 * the demand or the supply organisation (a party) sees the deal and acts on it as `owner` of the
 * deal machine. A broker sees the deals assigned to them and the open deals nobody holds yet
 * (to claim them); only the assigned broker acts as `broker`. Anyone else is told the deal does
 * not exist (404). What the stage allows, the machine decides; the rules here are about who.
 */
import { forbidden, isDealOpen, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

export interface DealAccess {
  status: string;
  demandOrganizationId: string;
  supplyOrganizationId: string;
  brokerUserId: string | null;
}

export const isBroker = (a: Actor | null): boolean => !!a && a.roles.includes('broker');
const party: Rule<DealAccess> = (a, d) =>
  isOrgUser(a) && (a!.organizationId === d.demandOrganizationId || a!.organizationId === d.supplyOrganizationId);
const assignedBroker: Rule<DealAccess> = (a, d) => isBroker(a) && d.brokerUserId === a!.userId;
const participant: Rule<DealAccess> = (a, d) => isOperator(a) || party(a, d) || assignedBroker(a, d);

export type DealPolicyAction = 'act' | 'logActivity' | 'claim' | 'assignBroker' | 'editAmount';

export const dealPolicy = definePolicy<DealAccess, DealPolicyAction>('对接项目', {
  view: (a, d) => participant(a, d) || (isBroker(a) && d.brokerUserId === null),
  /** Take a stage move (the machine then asks which of the caller's machine roles may). */
  act: participant,
  logActivity: participant,
  claim: (a, d) => isBroker(a) && d.brokerUserId === null && isDealOpen(d.status),
  assignBroker: (a, d) => isOperator(a) && isDealOpen(d.status),
  editAmount: (a, d) => participant(a, d) && d.status !== 'declined',
});

/** The caller's roles in the deal machine: operator, owner (a party's user), broker (the assigned one). */
export function dealMachineActors(actor: Actor | null, d: DealAccess): MachineActor[] {
  const out: MachineActor[] = [];
  if (isOperator(actor)) out.push('operator');
  if (party(actor, d)) out.push('owner');
  if (assignedBroker(actor, d)) out.push('broker');
  return out;
}

/** Who sees the deals menu: users of an organisation, brokers and operators (403 otherwise). */
export function authorizeDealsView(actor: Actor | null): void {
  if (!(isOperator(actor) || isOrgUser(actor) || isBroker(actor))) throw forbidden('无权查看对接项目');
}

/** Brokers and operators propose a deal for a need and an offer. */
export function authorizeDealCreation(actor: Actor | null): void {
  if (!(isOperator(actor) || isBroker(actor))) throw forbidden('只有运营方和技术经理人可以创建对接项目');
}

/** The broker's workspace is the broker's own (403 for everyone else). */
export function authorizeBrokerWorkspace(actor: Actor | null): void {
  if (!isBroker(actor)) throw forbidden('只有技术经理人可以使用工作台');
}
