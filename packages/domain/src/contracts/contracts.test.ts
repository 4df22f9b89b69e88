import { describe, expect, it } from 'vitest';
import { BUILTIN_CALENDARS } from '../calendar/builtin.js';
import { checkCreditCode, creditCodeCheckChar } from '../credit-code.js';
import {
  CONTRACT_AMOUNT_RULE,
  CONTRACT_TYPES,
  LEGAL_NATURES,
  contractInputSchema,
  deadlineState,
  formatPatentNumber,
  formatRegistrationNo,
  needsExpertReview,
  parsePatentNumber,
  parseRegistrationNo,
  patentCheckChar,
  registrationDueOn,
  signedOnProblem,
  CONTRACT_DEADLINE_DEFAULTS,
  type ContractInputRaw,
} from './index.js';

describe('Chinese patent and application numbers', () => {
  // Published application numbers (CNIPA bibliographic data, as listed by patent search sites):
  // CN201510703489.3 (医疗LIS系统检验报告的同步方法, 2015-10-26), CN201510230092.7 (全球定位联网通信追踪方法, 2015-05-08),
  // CN201810336559.X and CN201810698291.4 (2018 invention applications; the first with check character X).
  const REAL = ['CN201510703489.3', 'CN201510230092.7', 'CN201810336559.X', 'CN201810698291.4'];

  it.each(REAL)('accepts the published number %s', (n) => {
    const r = parsePatentNumber(n);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.prefixKind).toBe('application');
      expect(r.value.typeDigit).toBe('1');
      expect(`CN${r.value.number}`).toBe(n);
    }
  });

  it('computes the check character Σ dᵢ·wᵢ mod 11 with weights 2…9,2…5 (10 → X)', () => {
    // 2·2+0·3+1·4+5·5+1·6+0·7+7·8+0·9+3·2+4·3+8·4+9·5 = 190; 190 mod 11 = 3
    expect(patentCheckChar('201510703489')).toBe('3');
    expect(patentCheckChar('201810336559')).toBe('X');
    // 8 digits (1985–2003): weights 2…9
    expect(patentCheckChar('98123456')).toBe(
      String((9 * 2 + 8 * 3 + 1 * 4 + 2 * 5 + 3 * 6 + 4 * 7 + 5 * 8 + 6 * 9) % 11).replace('10', 'X'),
    );
  });

  it('refuses a real number with one digit or the check character changed', () => {
    for (const bad of ['CN201510703489.4', 'CN201510703488.3', 'CN201810336559.0', 'ZL201510230092.X']) {
      expect(parsePatentNumber(bad)).toEqual({ ok: false, problem: 'check' });
    }
    // The example printed on a popular explainer page: its check character does not fit.
    expect(parsePatentNumber('ZL 202420000001.X')).toEqual({ ok: false, problem: 'check' });
  });

  it('reads the ways people write them and normalises', () => {
    for (const written of [
      'ZL201510703489.3',
      'ZL 2015 1 0703489.3',
      'zl2015107034893',
      'ＺＬ２０１５１０７０３４８９．３',
      '201510703489.3',
    ]) {
      const r = parsePatentNumber(written);
      expect(r.ok && r.value.number).toBe('201510703489.3');
    }
    expect(formatPatentNumber('patent', '201510703489.3')).toBe('ZL201510703489.3');
    expect(formatPatentNumber('application', '201510703489.3')).toBe('CN201510703489.3');
  });

  it('checks the shape, the kind digit and the year', () => {
    expect(parsePatentNumber('CN20151070348.3')).toEqual({ ok: false, problem: 'format' });
    expect(parsePatentNumber('CN105338215A')).toEqual({ ok: false, problem: 'format' }); // a publication number, not an application number
    const kind4 = '201540703489';
    expect(parsePatentNumber(`${kind4}.${patentCheckChar(kind4)}`)).toEqual({ ok: false, problem: 'kind' });
    const early = '200110703489';
    expect(parsePatentNumber(`${early}.${patentCheckChar(early)}`)).toEqual({ ok: false, problem: 'year' });
    expect(parsePatentNumber('CN201510703489.3', 2014)).toEqual({ ok: false, problem: 'year' });
    const old = '98123456';
    expect(parsePatentNumber(`ZL${old}.${patentCheckChar(old)}`)).toMatchObject({ ok: true, value: { year: 1998, prefixKind: 'patent' } });
  });
});

describe('registration numbers', () => {
  it('are year + region code + a 6-digit serial', () => {
    expect(formatRegistrationNo(2026, '500112', 42)).toBe('2026500112000042');
    expect(parseRegistrationNo('2026500112000042')).toEqual({ year: 2026, regionCode: '500112', serial: 42 });
    expect(parseRegistrationNo('2026500112000000')).toBeNull();
    expect(parseRegistrationNo('20265001120042')).toBeNull();
    expect(() => formatRegistrationNo(2026, '500112', 1_000_000)).toThrow();
  });
});

describe('the statutory time limit', () => {
  const at = (iso: string) => new Date(iso);

  it('is 15 working days after the submission day, skipping weekends and public holidays', () => {
    // Submitted Mon 2026-09-21 10:00 Shanghai: day 1 is Tue 09-22; 中秋 09-25..27 (Fri–Sun) and 国庆 10-01..07
    // are off, Sun 09-20 was a 调休 day (before the start) and Sat 10-10 is one.
    // Working days: 09-22,23,24, 28,29,30, 10-08,09,10(Sat, 调休), 12,13,14,15,16, 19 → the 15th is 10-19.
    expect(registrationDueOn(at('2026-09-21T02:00:00Z'), false, BUILTIN_CALENDARS)).toBe('2026-10-19');
    // Weekends only would have given 10-12: the holidays count.
    expect(registrationDueOn(at('2026-09-21T02:00:00Z'), false, [{ year: 2026, holidays: [], workdays: [] }])).toBe('2026-10-12');
  });

  it('is 30 working days with expert review, which large contracts need', () => {
    expect(registrationDueOn(at('2026-03-02T02:00:00Z'), true, BUILTIN_CALENDARS)).toBe('2026-04-14');
    expect(needsExpertReview(10_000_000 * 100, CONTRACT_DEADLINE_DEFAULTS)).toBe(true);
    expect(needsExpertReview(10_000_000 * 100 - 1, CONTRACT_DEADLINE_DEFAULTS)).toBe(false);
  });

  it('flags due soon within 3 working days and overdue after the last day', () => {
    const due = '2026-10-19'; // Mon
    expect(deadlineState(due, at('2026-10-13T02:00:00Z'), BUILTIN_CALENDARS)).toMatchObject({
      workingDaysLeft: 4,
      dueSoon: false,
      overdue: false,
    });
    expect(deadlineState(due, at('2026-10-14T02:00:00Z'), BUILTIN_CALENDARS)).toMatchObject({
      workingDaysLeft: 3,
      dueSoon: true,
      overdue: false,
    });
    expect(deadlineState(due, at('2026-10-19T15:59:00Z'), BUILTIN_CALENDARS)).toMatchObject({
      workingDaysLeft: 0,
      dueSoon: true,
      overdue: false,
    });
    // 24:00 Shanghai of the last day has passed.
    expect(deadlineState(due, at('2026-10-19T16:00:00Z'), BUILTIN_CALENDARS)).toMatchObject({
      workingDaysLeft: -1,
      dueSoon: false,
      overdue: true,
    });
  });
});

function code(prefix: string) {
  return prefix + creditCodeCheckChar(prefix);
}

export function validInput(overrides: Partial<ContractInputRaw> = {}): ContractInputRaw {
  return {
    projectName: '汽车零部件表面缺陷视觉检测系统开发',
    contractType: 'development_commissioned',
    buyer: {
      name: '重庆示例汽车零部件有限公司',
      creditCode: code('91500105MA5U8XQ21'),
      regionCode: '500105',
      natureCode: 'enterprise_private',
    },
    seller: {
      name: '重庆示例智能科技有限公司',
      creditCode: code('91500112MA60C3KN7'),
      regionCode: '500112',
      natureCode: 'enterprise_private',
    },
    signedOn: '2026-09-01',
    validFrom: '2026-09-01',
    validUntil: '2027-08-31',
    contractAmountFen: 120_000_000,
    technologyAmountFen: 100_000_000,
    paymentMethod: 'lump_sum_installments',
    ...overrides,
  };
}

describe('the registration form', () => {
  it('accepts a complete contract and normalises patents', () => {
    const r = contractInputSchema.parse(
      validInput({
        contractType: 'transfer_patent',
        patents: [{ number: 'ZL 2015 1 0703489.3', kind: 'patent' }],
        expectedInvestmentFen: 5_000_000,
      }),
    );
    expect(r.patents).toEqual([{ number: '201510703489.3', kind: 'patent' }]);
    expect(checkCreditCode(r.seller.creditCode).ok).toBe(true);
    expect(CONTRACT_TYPES).toContain(r.contractType);
    expect(LEGAL_NATURES).toContain(r.buyer.natureCode);
  });

  it('refuses 技术交易额 above 合同成交额 (CONTRACT_AMOUNT), naming the field', () => {
    const r = contractInputSchema.safeParse(validInput({ contractAmountFen: 100, technologyAmountFen: 101 }));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'technologyAmountFen')!;
    expect(issue.message).toBe('技术交易额不能超过合同成交额');
    expect((issue as unknown as { params: { rule: string } }).params.rule).toBe(CONTRACT_AMOUNT_RULE);
    expect(contractInputSchema.safeParse(validInput({ contractAmountFen: 100, technologyAmountFen: 100 })).success).toBe(true);
  });

  it('refuses a validity that ends before it starts, fractions of 分, bad credit codes and bad patents', () => {
    const paths = (o: Partial<ContractInputRaw>) => contractInputSchema.safeParse(validInput(o)).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ validFrom: '2026-09-02', validUntil: '2026-09-01' })).toEqual(['validUntil']);
    expect(paths({ contractAmountFen: 100.5 })).toContain('contractAmountFen');
    expect(paths({ buyer: { ...validInput().buyer, creditCode: '91500105MA5U8XQ210' } })).toEqual(['buyer.creditCode']);
    expect(paths({ contractType: 'license_patent', patents: [{ number: 'CN201510703489.4', kind: 'application' }] })).toEqual([
      'patents.0.number',
    ]);
    expect(paths({ contractType: 'transfer_patent' })).toEqual(['patents']);
    expect(paths({ contractType: 'consulting', expectedOutputFen: 1 })).toEqual(['expectedOutputFen']);
    expect(paths({ seller: { name: '张三', creditCode: '', regionCode: '500112', natureCode: 'natural_person' } })).toBeUndefined();
    expect(paths({ buyer: { ...validInput().buyer, regionCode: '999999' } })).toEqual(['buyer.regionCode']);
  });

  it('refuses a signing date after today', () => {
    expect(signedOnProblem('2026-09-02', '2026-09-01')).toBe('签订日期不能晚于今天');
    expect(signedOnProblem('2026-09-01', '2026-09-01')).toBeNull();
  });
});
