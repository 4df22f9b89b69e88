/**
 * Who may do what with calls. Operators manage them; everyone else — anonymous visitors included —
 * sees a call once it is scheduled (drafts and cancelled calls do not exist for them: 404).
 * Managing is refused by role before a call is read, so whoever is not an operator gets 403 and
 * learns nothing about whether the call exists.
 */
import { CALL_STATES_VISIBLE_TO_ORGANISATIONS, isCallVisibleToOrganisations, type Actor as MachineActor } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** What the rules read of a call. */
export type CallAccess = { status: string };

const operates: Rule<unknown> = (a) => isOperator(a);
export const canViewCall: Rule<CallAccess> = (a, c) => isOperator(a) || isCallVisibleToOrganisations(c.status);

/** One call: seeing it, and moving it through its machine (the buttons offered with it). */
export const callPolicy = definePolicy<CallAccess, 'transition'>('征集', {
  view: canViewCall,
  transition: operates,
});

/** Calls as a whole, before one is read: creating one, changing or moving any. */
export const callsPolicy = definePolicy<null, 'create' | 'manage'>('征集', {
  view: () => true,
  create: operates,
  manage: operates,
});

/** The view rule as the list's filter: the states the caller sees, or undefined for all of them. */
export function visibleCallStatuses(actor: Actor | null): string[] | undefined {
  return isOperator(actor) ? undefined : [...CALL_STATES_VISIBLE_TO_ORGANISATIONS];
}

/** The caller's roles in the call machine: the clock acts as the system. */
export function callMachineActors(actor: Actor | null, call: CallAccess): MachineActor[] {
  if (!actor) return ['system'];
  return callPolicy.allow(actor, 'transition', call) ? ['operator'] : [];
}
