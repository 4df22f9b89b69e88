/**
 * Who may do what with 政策动态 (docs/policies.md): operators compose, edit and publish issues;
 * anyone reads a published issue and its files; a draft exists only for operators (404 to others).
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy } from '../shared/index.js';

export const policyDigestAccess = definePolicy<{ status: string }, 'manage'>('政策动态', {
  view: (a, d) => d.status === 'published' || isOperator(a),
  manage: (a) => isOperator(a),
});

export function authorizeDigestManagement(actor: Actor | null): Actor {
  if (!actor || !isOperator(actor)) throw forbidden('只有平台运营方可以编辑政策动态');
  return actor;
}
