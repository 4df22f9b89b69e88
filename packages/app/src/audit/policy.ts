/**
 * Who may read the audit trail and verify its hash chain: operators only. The trail is one,
 * platform-wide, and that it exists is no secret, so whoever else asks is refused (403), not
 * told it is missing.
 */
import { isOperator } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The platform's one audit trail: the policy's resource carries nothing. */
export type AuditTrail = null;
export const AUDIT_TRAIL: AuditTrail = null;

const operator: Rule<AuditTrail> = (a) => isOperator(a);

export const auditPolicy = definePolicy<AuditTrail, 'list' | 'verify'>('审计日志', {
  view: () => true,
  list: operator,
  verify: operator,
});
