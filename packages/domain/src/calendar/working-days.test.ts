import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addCivilDays,
  addWorkingDays,
  BUILTIN_CALENDARS,
  isWeekendDate,
  isWorkingDay,
  monthDays,
  nextWorkingDay,
  shanghaiDate,
  startOfShanghaiDay,
  validateYearCalendar,
  workingCalendar,
  workingDaysBetween,
  type YearCalendar,
} from './index.js';

/** 国办发明电〔2024〕12号, typed in from the notice. */
const Y2025: YearCalendar = {
  year: 2025,
  holidays: [
    { name: '元旦', start: '2025-01-01', end: '2025-01-01' },
    { name: '春节', start: '2025-01-28', end: '2025-02-04' },
    { name: '清明节', start: '2025-04-04', end: '2025-04-06' },
    { name: '劳动节', start: '2025-05-01', end: '2025-05-05' },
    { name: '端午节', start: '2025-05-31', end: '2025-06-02' },
    { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08' },
  ],
  workdays: [
    { date: '2025-01-26', name: '春节调休上班' },
    { date: '2025-02-08', name: '春节调休上班' },
    { date: '2025-04-27', name: '劳动节调休上班' },
    { date: '2025-09-28', name: '国庆节调休上班' },
    { date: '2025-10-11', name: '国庆节调休上班' },
  ],
};
/** 2026: 元旦 1.1–1.3 with 1.4 (Sunday) worked, enough to cross the year boundary. */
const Y2026_START: YearCalendar = {
  year: 2026,
  holidays: [{ name: '元旦', start: '2026-01-01', end: '2026-01-03' }],
  workdays: [{ date: '2026-01-04', name: '元旦调休上班' }],
};
const BOTH = [Y2025, Y2026_START];

const lastDay = (from: string | Date, n: number, cals: readonly YearCalendar[] = BOTH) => addWorkingDays(from, n, cals).lastDay;
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('working days around 国庆 2025 (10.1–10.8 off, 9.28 Sunday and 10.11 Saturday worked)', () => {
  it('knows the days', () => {
    expect(isWorkingDay('2025-09-28', BOTH)).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-10-08', BOTH)).toBe(false); // Wednesday, holiday
    expect(isWorkingDay('2025-10-11', BOTH)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2025-10-12', BOTH)).toBe(false); // Sunday
    expect(isWorkingDay('2025-09-27', BOTH)).toBe(false); // Saturday
  });

  it('a 公示 published on Friday 9.26 counts 9.28, 9.29, 9.30, 10.9, 10.10 and ends at 24:00 of 10.10', () => {
    const p = addWorkingDays('2025-09-26', 5, BOTH);
    expect(p.workingDays).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10']);
    expect(p.startsAt.toISOString()).toBe('2025-09-27T16:00:00.000Z'); // 9.28 00:00 Shanghai
    expect(p.endsAt.toISOString()).toBe('2025-10-10T16:00:00.000Z'); // 10.10 24:00 Shanghai
  });

  it('published on 9.30 it runs over the 调休 Saturday 10.11 to 10.14', () => {
    expect(addWorkingDays('2025-09-30', 5, BOTH).workingDays).toEqual([
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
    ]);
    // Published during the holiday: the same days.
    expect(lastDay('2025-10-03', 5)).toBe('2025-10-14');
  });

  it('takes the Shanghai date of an instant: 23:30 and 00:30 either side of midnight differ by a day', () => {
    expect(lastDay(new Date('2025-09-25T15:30:00Z'), 5)).toBe('2025-10-09'); // Thu 9.25 23:30 → 9.26 … 10.9
    expect(lastDay(new Date('2025-09-25T16:30:00Z'), 5)).toBe('2025-10-10'); // Fri 9.26 00:30
  });

  it('counts working days between dates', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-10', BOTH)).toBe(2);
    expect(workingDaysBetween('2025-09-26', '2025-10-11', BOTH)).toBe(6);
    expect(workingDaysBetween('2025-10-10', '2025-09-30', BOTH)).toBe(0);
  });
});

describe('working days around 春节 2025 (1.28–2.4 off, 1.26 Sunday and 2.8 Saturday worked)', () => {
  it('published on Friday 1.24: 1.26 (Sunday), 1.27, then 2.5, 2.6, 2.7', () => {
    expect(addWorkingDays('2025-01-24', 5, BOTH).workingDays).toEqual([
      '2025-01-26',
      '2025-01-27',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
    ]);
  });
  it('published on 2.5: 2.6, 2.7, 2.8 (Saturday), 2.10, 2.11', () => {
    expect(addWorkingDays('2025-02-05', 5, BOTH).workingDays).toEqual([
      '2025-02-06',
      '2025-02-07',
      '2025-02-08',
      '2025-02-10',
      '2025-02-11',
    ]);
  });
  it('2025 has 248 working days', () => {
    expect(workingDaysBetween('2024-12-31', '2025-12-31', [Y2025])).toBe(248);
  });
});

describe('across the year boundary', () => {
  it('from Monday 2025-12-29: 12.30, 12.31, then 1.4 (Sunday, 调休), 1.5, 1.6', () => {
    expect(addWorkingDays('2025-12-29', 5, BOTH).workingDays).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-04',
      '2026-01-05',
      '2026-01-06',
    ]);
    expect(addWorkingDays('2025-12-29', 5, BOTH).endsAt.toISOString()).toBe('2026-01-06T16:00:00.000Z');
  });

  it('refuses a year nobody maintained instead of guessing weekends only', () => {
    expect(codeOf(() => addWorkingDays('2025-12-29', 5, [Y2025]))).toBe('CALENDAR_YEAR_MISSING');
    try {
      addWorkingDays('2025-12-29', 5, [Y2025]);
    } catch (e) {
      expect((e as DomainError).details).toEqual({ year: 2026 });
      expect((e as DomainError).message).toContain('2026年的工作日历尚未维护');
    }
    // The same year, wholly inside 2025, needs nothing more.
    expect(lastDay('2025-12-22', 5, [Y2025])).toBe('2025-12-29');
    expect(codeOf(() => isWorkingDay('2024-06-03', BOTH))).toBe('CALENDAR_YEAR_MISSING');
  });

  it('refuses a period of no or too many days', () => {
    expect(codeOf(() => addWorkingDays('2025-03-03', 0, BOTH))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => addWorkingDays('2025-03-03', 1.5, BOTH))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => addWorkingDays('2025-03-03', 251, BOTH))).toBe('VALIDATION_FAILED');
  });
});

describe('the shipped arrangements', () => {
  it('are valid, and the 2025 one is the notice above', () => {
    for (const c of BUILTIN_CALENDARS) expect(validateYearCalendar(c), String(c.year)).toEqual([]);
    const b2025 = BUILTIN_CALENDARS.find((c) => c.year === 2025)!;
    expect({ year: b2025.year, holidays: b2025.holidays, workdays: b2025.workdays }).toEqual(Y2025);
  });
  it('2026: 春节 2.15–2.23 with 2.14 and 2.28 worked; 国庆 10.1–10.7 with 9.20 and 10.10 worked; 248 working days', () => {
    const cals = BUILTIN_CALENDARS;
    expect(addWorkingDays('2026-02-13', 3, cals).workingDays).toEqual(['2026-02-14', '2026-02-24', '2026-02-25']);
    expect(addWorkingDays('2026-09-30', 5, cals).workingDays).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]);
    expect(isWorkingDay('2026-09-20', cals)).toBe(true);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cals)).toBe(248);
  });
  it('the month grid marks holidays and 调休 days by name', () => {
    const oct = monthDays(2025, 10, BOTH);
    expect(oct).toHaveLength(31);
    expect(oct[0]).toEqual({ date: '2025-10-01', kind: 'holiday', working: false, name: '国庆节、中秋节' });
    expect(oct[10]).toEqual({ date: '2025-10-11', kind: 'makeup_workday', working: true, name: '国庆节调休上班' });
    expect(oct[11]).toMatchObject({ kind: 'weekend', working: false });
    expect(monthDays(2025, 2, BOTH)).toHaveLength(28);
  });
});

describe('validating a year', () => {
  const base: YearCalendar = { year: 2025, holidays: [], workdays: [] };
  const paths = (c: Partial<YearCalendar>) => validateYearCalendar({ ...base, ...c }).map((p) => p.path);

  it('names each problem by its field', () => {
    expect(paths({ holidays: [{ name: '春节', start: '2025-02-30', end: '2025-03-01' }] })).toEqual(['holidays.0.start']);
    expect(paths({ holidays: [{ name: '元旦', start: '2024-12-30', end: '2025-01-01' }] })).toEqual(['holidays.0.start']);
    expect(paths({ holidays: [{ name: '国庆', start: '2025-10-08', end: '2025-10-01' }] })).toEqual(['holidays.0.end']);
    expect(paths({ holidays: [{ name: ' ', start: '2025-10-01', end: '2025-10-01' }] })).toEqual(['holidays.0.name']);
    expect(
      paths({
        holidays: [
          { name: '国庆', start: '2025-10-01', end: '2025-10-08' },
          { name: '中秋', start: '2025-10-06', end: '2025-10-06' },
        ],
      }),
    ).toEqual(['holidays.1.start']);
    expect(paths({ workdays: [{ date: '2025-09-29', name: '调休' }] })).toEqual(['workdays.0.date']); // a Monday
    expect(
      paths({
        holidays: [{ name: '国庆', start: '2025-10-01', end: '2025-10-08' }],
        workdays: [{ date: '2025-10-04', name: '调休' }], // a Saturday inside the holiday
      }),
    ).toEqual(['workdays.0.date']);
    expect(
      paths({
        workdays: [
          { date: '2025-10-11', name: '调休' },
          { date: '2025-10-11', name: '调休' },
        ],
      }),
    ).toEqual(['workdays.1.date']);
    expect(validateYearCalendar({ ...base, year: 1999 }).map((p) => p.path)).toEqual(['year']);
    expect(validateYearCalendar({ ...base, workdays: [{ date: '2025-09-29', name: '调休' }] })[0]!.message).toContain('周一');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const dayIn2025 = fc.integer({ min: 0, max: 364 }).map((i) => addCivilDays('2025-01-01', i));
/** Through 2025-12-20: n ≤ 30 working days from there stays inside the 2025 + early-2026 data used below. */
const dayBefore = (last: string) => dayIn2025.filter((d) => d <= last);

/** A random valid arrangement for a year: disjoint holiday ranges, 调休 weekend days outside them. */
const randomYear = (year: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 360 }), { maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 8, maxLength: 8 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 10 }),
    )
    .map(([starts, lengths, workOffsets]) => {
      const jan1 = `${year}-01-01`;
      const holidays: { name: string; start: string; end: string }[] = [];
      for (const [i, s] of [...starts].sort((a, b) => a - b).entries()) {
        const start = addCivilDays(jan1, s);
        let end = addCivilDays(start, lengths[i]! - 1);
        if (end.slice(0, 4) !== String(year)) end = `${year}-12-31`;
        if (holidays.some((h) => h.end >= start)) continue;
        holidays.push({ name: `假期${i}`, start, end });
      }
      const workdays = workOffsets
        .map((o) => addCivilDays(jan1, o))
        .filter((d) => d.slice(0, 4) === String(year) && isWeekendDate(d) && !holidays.some((h) => h.start <= d && d <= h.end))
        .map((date) => ({ date, name: '调休上班' }));
      return { year, holidays, workdays } satisfies YearCalendar;
    });

describe('properties', () => {
  it('a period of n working days: n working days, all after the start, none skipped, ending at 24:00 of the last', () => {
    fc.assert(
      fc.property(dayBefore('2025-11-20'), fc.integer({ min: 1, max: 25 }), (from, n) => {
        const p = addWorkingDays(from, n, BOTH);
        expect(p.workingDays).toHaveLength(n);
        expect(p.firstDay).toBe(nextWorkingDay(from, BOTH));
        expect(workingDaysBetween(from, p.lastDay, BOTH)).toBe(n);
        for (let d = addCivilDays(from, 1); d <= p.lastDay; d = addCivilDays(d, 1)) {
          expect(p.workingDays.includes(d)).toBe(isWorkingDay(d, BOTH));
        }
        expect(p.endsAt.getTime() - startOfShanghaiDay(p.lastDay).getTime()).toBe(86_400_000);
        expect(shanghaiDate(new Date(p.endsAt.getTime() - 1))).toBe(p.lastDay);
      }),
    );
  });

  it('periods add up: a + b working days end where a days then b more end', () => {
    fc.assert(
      fc.property(dayBefore('2025-11-20'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (from, a, b) => {
        expect(lastDay(lastDay(from, a), b)).toBe(lastDay(from, a + b));
        expect(lastDay(from, a + 1) > lastDay(from, a)).toBe(true);
      }),
    );
  });

  it('an instant and its Shanghai date give the same period, which ends after the instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00+08:00'), max: new Date('2025-11-30T23:59:59+08:00'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 20 }),
        (at, n) => {
          const p = addWorkingDays(at, n, BOTH);
          expect(p.lastDay).toBe(lastDay(shanghaiDate(at), n));
          expect(p.startsAt.getTime()).toBeGreaterThan(at.getTime());
        },
      ),
    );
  });

  it('any valid arrangement: holidays are never working days, 调休 days always are, other days by the weekday', () => {
    fc.assert(
      fc.property(randomYear(2031), (cal) => {
        expect(validateYearCalendar(cal)).toEqual([]);
        const wc = workingCalendar([cal]);
        for (let d = '2031-01-01'; d <= '2031-12-31'; d = addCivilDays(d, 1)) {
          const off = cal.holidays.some((h) => h.start <= d && d <= h.end);
          const made = cal.workdays.some((w) => w.date === d);
          expect(isWorkingDay(d, wc)).toBe(made || (!off && !isWeekendDate(d)));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a day both off and worked, or a weekday as 调休, is always refused', () => {
    fc.assert(
      fc.property(randomYear(2031), fc.integer({ min: 0, max: 364 }), (cal, offset) => {
        const d = addCivilDays('2031-01-01', offset);
        const inHoliday = cal.holidays.some((h) => h.start <= d && d <= h.end);
        const already = cal.workdays.some((w) => w.date === d);
        const bad = { ...cal, workdays: [...cal.workdays, { date: d, name: '调休上班' }] };
        const problems = validateYearCalendar(bad).map((p) => p.path);
        if (inHoliday || already || !isWeekendDate(d)) expect(problems).toEqual([`workdays.${cal.workdays.length}.date`]);
        else expect(problems).toEqual([]);
      }),
    );
  });

  it('any date of a year without a calendar is refused with its year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (i) => {
        const d = addCivilDays('2027-01-01', i);
        expect(codeOf(() => isWorkingDay(d, BOTH))).toBe('CALENDAR_YEAR_MISSING');
      }),
    );
  });
});
