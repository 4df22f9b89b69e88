import { DomainError } from '@scenebridge/domain';
import { shanghaiDate } from '@scenebridge/domain/calendar';
import { isPeriodProblem, resolvePeriod, type DashboardPeriod } from '@scenebridge/domain/dashboard';
import type { DashboardRange } from '@scenebridge/db';

/** The period asked for (?year= or ?from=&to=; neither: the current Shanghai year), or a 400. */
export function periodOf(query: { year?: number; from?: string; to?: string }, now: Date): DashboardPeriod {
  const asked =
    query.year === undefined && query.from === undefined && query.to === undefined
      ? { year: Number(shanghaiDate(now).slice(0, 4)) }
      : query;
  const p = resolvePeriod(asked);
  if (isPeriodProblem(p)) throw new DomainError('VALIDATION_FAILED', p.message, 400, { period: p.code });
  return p;
}

export const rangeOf = (p: DashboardPeriod): DashboardRange => ({ from: p.from, to: p.to, startsAt: p.startsAt, endsAt: p.endsAt });
export const periodDto = (p: DashboardPeriod) => ({ from: p.from, to: p.to, year: p.year });
