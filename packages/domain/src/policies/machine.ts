import { defineMachine } from '../state-machine.js';

/**
 * A policy in the hub (docs/policies.md): the operator reviews the reading of a draft and
 * publishes it to the public library; a published policy can be withdrawn (撤回, with a reason,
 * e.g. repealed or replaced) and is then no longer matched or listed, but its page stays for links.
 */
export const POLICY_STATES = ['draft', 'published', 'withdrawn'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export const policyMachine = defineMachine({
  name: 'policy',
  states: POLICY_STATES,
  transitions: [
    { action: 'publish', from: ['draft'], to: 'published', by: ['operator'] },
    { action: 'withdraw', from: ['published'], to: 'withdrawn', by: ['operator'], reasonRequired: true },
  ],
});
export type PolicyAction = (typeof policyMachine.transitions)[number]['action'];

/**
 * A measure's calculator: proposed from its terms (or written by the operator), confirmed before
 * anyone may use it; changing a confirmed one makes it a proposal again until confirmed anew.
 */
export const CALCULATOR_STATES = ['proposed', 'confirmed'] as const;
export type CalculatorState = (typeof CALCULATOR_STATES)[number];
export const calculatorMachine = defineMachine({
  name: 'policy_calculator',
  states: CALCULATOR_STATES,
  transitions: [
    { action: 'confirm', from: ['proposed'], to: 'confirmed', by: ['operator'] },
    { action: 'revise', from: ['proposed', 'confirmed'], to: 'proposed', by: ['operator'] },
  ],
});

/**
 * 免申即享: an organisation a comparison run found eligible (matched) says whether it wants the
 * support (confirm, or decline with a reason); the operator then records it as granted (redeem).
 */
export const REDEMPTION_STAGES = ['matched', 'confirmed', 'declined', 'redeemed'] as const;
export type RedemptionStage = (typeof REDEMPTION_STAGES)[number];
export const redemptionMachine = defineMachine({
  name: 'policy_redemption',
  states: REDEMPTION_STAGES,
  transitions: [
    { action: 'confirm', from: ['matched'], to: 'confirmed', by: ['owner'] },
    { action: 'decline', from: ['matched'], to: 'declined', by: ['owner'], reasonRequired: true },
    { action: 'redeem', from: ['confirmed'], to: 'redeemed', by: ['operator'] },
  ],
});
export type RedemptionAction = (typeof redemptionMachine.transitions)[number]['action'];
