/** 成果看板: the part of /api/v1 this feature calls (packages/contract/src/dashboard). */
import type { AnnualTargets, Dashboard, FunnelChart, TargetsInput } from '@scenebridge/contract/dashboard';
import { get, put, type Query } from '../../shared/http';

export type { AnnualTargets, Dashboard, FunnelChart, TargetsInput };

/** The page's filters as the API takes them: a year or a from/to span, the funnel's batch, the stale threshold. */
export interface DashboardFilters {
  year?: number;
  from?: string;
  to?: string;
  batchId?: string;
  staleDays?: number;
}

/** The period part only (exports, the report and the funnel's own query). */
export const periodQuery = (f: DashboardFilters): Query => (f.from && f.to ? { from: f.from, to: f.to } : { year: f.year });

/** TanStack Query keys: everything this feature caches starts with ['dashboard']. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  overview: (f: DashboardFilters) => ['dashboard', 'overview', f] as const,
  targets: (year: number) => ['dashboard', 'targets', year] as const,
};

export const dashboardApi = {
  overview: (f: DashboardFilters) => get<Dashboard>('/dashboard', { ...periodQuery(f), batchId: f.batchId, staleDays: f.staleDays }),
  funnel: (f: DashboardFilters) => get<FunnelChart>('/dashboard/funnel', { ...periodQuery(f), batchId: f.batchId }),
  targets: (year: number) => get<AnnualTargets>('/dashboard/targets', { year }),
  saveTargets: (year: number, input: TargetsInput) => put<AnnualTargets>(`/dashboard/targets?year=${year}`, input),
};

export const DASHBOARD_EXPORT_PATH = '/dashboard/export.xlsx';
export const DASHBOARD_REPORT_PATH = '/dashboard/report.xlsx';
