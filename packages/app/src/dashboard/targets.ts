/**
 * Annual targets against actuals: the operator sets the year's targets (audited), everyone who
 * may see the dashboard reads them with the year's actuals.
 */
import type { AnnualTargets, TargetRow, TargetsInput } from '@scenebridge/contract/dashboard';
import { dashboardActuals, listAnnualTargets, saveAnnualTargets, type DashboardRange, type Executor } from '@scenebridge/db';
import { TARGET_METRICS, TARGET_METRIC_LABELS, targetMetricUnit, targetRatio, type DashboardPeriod } from '@scenebridge/domain/dashboard';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { dashboardCache } from './cache.js';
import { periodOf, rangeOf } from './period.js';
import { authorizeDashboard } from './policy.js';

/** The period's actuals with the targets of its year (none when it spans several years). */
export async function targetRows(db: Executor, period: DashboardPeriod, range: DashboardRange = rangeOf(period)): Promise<TargetRow[]> {
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const [actuals, stored] = await Promise.all([
    dashboardActuals(db, range),
    sameYear ? listAnnualTargets(db, Number(period.from.slice(0, 4))) : Promise.resolve([]),
  ]);
  const targets = new Map(stored.map((t) => [t.metric, t.target]));
  return TARGET_METRICS.map((metric) => {
    const target = targets.get(metric) ?? null;
    return {
      metric,
      label: TARGET_METRIC_LABELS[metric],
      unit: targetMetricUnit(metric),
      value: actuals[metric],
      target,
      ratio: targetRatio(actuals[metric], target),
    };
  });
}

export async function getAnnualTargets({
  services,
  actor,
  year,
}: {
  services: Services;
  actor: Actor;
  year: number;
}): Promise<AnnualTargets> {
  authorizeDashboard(actor, 'view');
  const period = periodOf({ year }, services.now());
  return dashboardCache(services, `targets?year=${year}`, async () => {
    const [rows, stored] = await Promise.all([targetRows(services.db, period), listAnnualTargets(services.db, year)]);
    const byMetric = new Map(stored.map((t) => [t.metric, t]));
    return {
      year,
      items: rows.map((r) => ({
        ...r,
        setAt: byMetric.get(r.metric)?.setAt.toISOString() ?? null,
        setByName: byMetric.get(r.metric)?.setByName ?? null,
      })),
    };
  });
}

/** The operator sets (or clears, with null) the year's targets; one audit entry names each change. */
export async function saveAnnualTargetsFor({
  services,
  actor,
  year,
  input,
}: {
  services: Services;
  actor: Actor;
  year: number;
  input: TargetsInput;
}): Promise<AnnualTargets> {
  authorizeDashboard(actor, 'setTargets');
  periodOf({ year }, services.now()); // the year's range, or a 400 before anything is written
  const targets: Record<string, number | null> = {};
  for (const metric of TARGET_METRICS) if (metric in input.targets) targets[metric] = input.targets[metric] ?? null;
  await inTransaction(services, actor, async (tx, events) => {
    const before = await saveAnnualTargets(tx, { year, targets, setBy: actor.userId });
    await events.record({
      action: 'dashboard.targets_saved',
      entityType: 'annual_targets',
      entityId: String(year),
      reason: input.reason || null,
      data: {
        year,
        changes: Object.entries(targets)
          .filter(([m, v]) => (before[m] ?? null) !== v)
          .map(([metric, to]) => ({
            metric,
            label: TARGET_METRIC_LABELS[metric as keyof typeof TARGET_METRIC_LABELS],
            from: before[metric] ?? null,
            to,
          })),
      },
    });
  });
  return getAnnualTargets({ services, actor, year });
}
