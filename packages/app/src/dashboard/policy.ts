/**
 * Who may see the outcome dashboard and set its targets (docs/dashboard.md). The dashboard sums
 * over every organisation's deals and contracts, so it is for the platform's own staff: the
 * operator, registrars (技术合同登记员, whose work it measures) and brokers (技术经理人, who act on
 * its stale listings and dormant deals). Organisation users and reviewers are refused (403), as
 * is anyone signed out (401 before the policy). Only the operator sets annual targets.
 */
import { forbidden } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** The platform's one dashboard: the resource carries nothing. */
export type Dashboard = null;
export const DASHBOARD: Dashboard = null;

const staff: Rule<Dashboard> = (a) => !!a && (a.roles.includes('operator') || a.roles.includes('registrar') || a.roles.includes('broker'));
const operator: Rule<Dashboard> = (a) => isOperator(a);

export const dashboardPolicy = definePolicy<Dashboard, 'export' | 'setTargets'>('成果看板', {
  view: staff,
  export: staff,
  setTargets: operator,
});

export type DashboardAction = Parameters<typeof dashboardPolicy.allow>[1];

/** Like dashboardPolicy.authorize, but always 403 (the dashboard's existence is no secret). */
export function authorizeDashboard(actor: Actor | null, action: DashboardAction): void {
  if (dashboardPolicy.allow(actor, action, DASHBOARD)) return;
  throw forbidden(action === 'setTargets' ? '只有运营方可以设置年度目标' : '只有运营方、技术合同登记员和技术经理人可以查看成果看板');
}
