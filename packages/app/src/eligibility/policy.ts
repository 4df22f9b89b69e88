/**
 * Who may screen whom. An organisation's users see its own screening (before they apply); the
 * operator screens any organisation and alone records overrides. Another organisation's
 * screening does not exist for the caller (404).
 */
import { isOperator } from '../context.js';
import { definePolicy } from '../shared/index.js';

export const eligibilityPolicy = definePolicy<{ organizationId: string }, 'check' | 'override'>('机构', {
  view: (a, r) => isOperator(a) || (!!a && a.organizationId === r.organizationId),
  check: (a, r) => isOperator(a) || (!!a && a.organizationId === r.organizationId),
  override: (a) => isOperator(a),
});
