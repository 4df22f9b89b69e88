/**
 * The registration time limit's settings (app_settings `contracts.deadline`, docs/contracts.md):
 * working days (15), with expert review (30), the large-contract threshold in 分 (1,000万元)
 * and the due-soon warning (3 working days). A missing or partial setting takes the defaults.
 */
import { getSetting, type Executor } from '@scenebridge/db';
import { CONTRACT_DEADLINE_DEFAULTS, type ContractDeadlineRules } from '@scenebridge/domain';

export const CONTRACT_DEADLINE_SETTING = 'contracts.deadline';

const positiveInt = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : fallback);

export async function loadContractDeadlineRules(db: Executor): Promise<ContractDeadlineRules> {
  const s = (await getSetting<Partial<ContractDeadlineRules>>(db, CONTRACT_DEADLINE_SETTING)) ?? {};
  const d = CONTRACT_DEADLINE_DEFAULTS;
  return {
    workingDays: positiveInt(s.workingDays, d.workingDays),
    expertReviewWorkingDays: positiveInt(s.expertReviewWorkingDays, d.expertReviewWorkingDays),
    largeContractThresholdFen: positiveInt(s.largeContractThresholdFen, d.largeContractThresholdFen),
    dueSoonWorkingDays: positiveInt(s.dueSoonWorkingDays, d.dueSoonWorkingDays),
  };
}
