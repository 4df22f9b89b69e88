/**
 * Who may do what in the policy hub (docs/policies.md): operators ingest, correct, publish and
 * withdraw policies and confirm calculators; anyone (signed in or not) reads published and
 * withdrawn policies; a draft exists only for operators (others get 404).
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy } from '../shared/index.js';

export type PolicyAccess = { status: string };

export const policyAccess = definePolicy<PolicyAccess, 'manage'>('政策', {
  view: (a, p) => p.status !== 'draft' || isOperator(a),
  manage: (a) => isOperator(a),
});

export function authorizePolicyManagement(actor: Actor | null): Actor {
  if (!actor || !isOperator(actor)) throw forbidden('只有平台运营方可以管理政策');
  return actor;
}
