/**
 * The statutory time limit of a registration (docs/contracts.md): the registrar decides within
 * 15 working days of the (re)submission, or 30 when the contract goes to expert review — a large
 * contract, 技术交易额 ≥ the `contracts.large_contract_threshold_fen` setting (default 1,000万元).
 * Counted on the working-day calendar (public holidays and 调休 days): day 1 is the first working
 * day after the submission's Shanghai date; the last day is `dueOn`. A return for correction
 * (补正) stops the clock; the resubmission starts it again from zero.
 */
import { DomainError } from '../errors.js';
import { addWorkingDays, workingDaysBetween, type Calendars } from '../calendar/working-days.js';
import { civilDaysBetween, shanghaiDate, type CivilDate } from '../calendar/dates.js';

export const CONTRACT_DEADLINE_DEFAULTS = {
  workingDays: 15,
  expertReviewWorkingDays: 30,
  /** 1,000万元 in 分. */
  largeContractThresholdFen: 10_000_000 * 100,
  /** Flag a registration as due soon when this many working days or fewer are left. */
  dueSoonWorkingDays: 3,
} as const;

export interface ContractDeadlineRules {
  workingDays: number;
  expertReviewWorkingDays: number;
  largeContractThresholdFen: number;
  dueSoonWorkingDays: number;
}

export const needsExpertReview = (technologyAmountFen: number, rules: Pick<ContractDeadlineRules, 'largeContractThresholdFen'>) =>
  technologyAmountFen >= rules.largeContractThresholdFen;

/** The last day to decide a registration submitted at `submittedAt`. */
export function registrationDueOn(
  submittedAt: Date,
  expertReview: boolean,
  calendars: Calendars,
  rules: ContractDeadlineRules = CONTRACT_DEADLINE_DEFAULTS,
): CivilDate {
  return addWorkingDays(submittedAt, expertReview ? rules.expertReviewWorkingDays : rules.workingDays, calendars).lastDay;
}

export interface DeadlineState {
  dueOn: CivilDate;
  /** Working days after today up to and including dueOn (0 on the last day); negative when overdue: working days since. */
  workingDaysLeft: number;
  dueSoon: boolean;
  overdue: boolean;
}

/**
 * Where a registration stands against its last day, as of `now`. A year the calendar lacks is
 * counted in calendar days rather than failing a whole list (the due date itself was computed
 * on the calendar when the clock started).
 */
export function deadlineState(
  dueOn: CivilDate,
  now: Date,
  calendars: Calendars,
  rules: Pick<ContractDeadlineRules, 'dueSoonWorkingDays'> = CONTRACT_DEADLINE_DEFAULTS,
): DeadlineState {
  const today = shanghaiDate(now);
  const count = (from: CivilDate, to: CivilDate) => {
    try {
      return workingDaysBetween(from, to, calendars);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING') return civilDaysBetween(from, to);
      throw e;
    }
  };
  const overdue = today > dueOn;
  const workingDaysLeft = overdue ? -count(dueOn, today) : count(today, dueOn);
  return { dueOn, workingDaysLeft, overdue, dueSoon: !overdue && workingDaysLeft <= rules.dueSoonWorkingDays };
}
