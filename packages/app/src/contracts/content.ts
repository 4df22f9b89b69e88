/** What a registration's form becomes in its row, and the checks that need the database or the clock. */
import { findDealNeedId, findSubmission, type Executor, type NewTechContract } from '@scenebridge/db';
import {
  DomainError,
  WorkingCalendar,
  registrationDueOn,
  shanghaiDate,
  signedOnProblem,
  type ContractDeadlineRules,
  type ContractInput,
  type YearCalendar,
} from '@scenebridge/domain';
import { loadYearCalendars } from '../calendar/index.js';

export function contractColumns(input: ContractInput) {
  return {
    projectName: input.projectName,
    contractType: input.contractType,
    buyerName: input.buyer.name,
    buyerCreditCode: input.buyer.creditCode,
    buyerRegionCode: input.buyer.regionCode,
    buyerNatureCode: input.buyer.natureCode,
    sellerName: input.seller.name,
    sellerCreditCode: input.seller.creditCode,
    sellerRegionCode: input.seller.regionCode,
    sellerNatureCode: input.seller.natureCode,
    signedOn: input.signedOn,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    contractAmountFen: input.contractAmountFen,
    technologyAmountFen: input.technologyAmountFen,
    paymentMethod: input.paymentMethod,
    patents: input.patents,
    expectedInvestmentFen: input.expectedInvestmentFen,
    expectedOutputFen: input.expectedOutputFen,
    technologyField: input.technologyField,
    dealId: input.dealId,
    needId: input.needId,
  } satisfies Partial<NewTechContract>;
}

/** The signing date against the server's clock (Shanghai), refused naming the field. */
export function assertSignedOnNotFuture(signedOn: string, now: Date): void {
  const problem = signedOnProblem(signedOn, shanghaiDate(now));
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, 400, [{ path: 'signedOn', message: problem }]);
}

/** A linked deal must exist; a linked need must be a scenario need (场景需求). */
export async function checkContractLinks(db: Executor, input: Pick<ContractInput, 'dealId' | 'needId'>): Promise<void> {
  if (input.dealId && !(await findDealNeedId(db, input.dealId))) {
    throw new DomainError('CONTRACT_LINK_INVALID', '关联的对接项目不存在', 400, [{ path: 'dealId', message: '关联的对接项目不存在' }]);
  }
  if (input.needId) {
    const row = await findSubmission(db, input.needId);
    if (!row || row.submission.listType !== 'scenario_need') {
      throw new DomainError('CONTRACT_LINK_INVALID', '关联的需求不存在或不是场景需求', 400, [
        { path: 'needId', message: '关联的需求不存在或不是场景需求' },
      ]);
    }
  }
}

/**
 * The statutory last day of a registration (re)submitted `at`. A year nobody maintained in the
 * working-day calendar is counted with weekends only: that can only bring the last day earlier
 * than the true one, so the registrar is never told too late; the submitter is not blocked.
 */
export async function computeDueOn(db: Executor, at: Date, expertReview: boolean, rules: ContractDeadlineRules): Promise<string> {
  const years = await loadYearCalendars(db);
  try {
    return registrationDueOn(at, expertReview, years, rules);
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
    const have = new Set(years.map((y) => y.year));
    const from = Number(shanghaiDate(at).slice(0, 4));
    const filled: YearCalendar[] = [...years];
    for (let y = from; y <= from + 2; y++) if (!have.has(y)) filled.push({ year: y, holidays: [], workdays: [] });
    return registrationDueOn(at, expertReview, new WorkingCalendar(filled), rules);
  }
}
