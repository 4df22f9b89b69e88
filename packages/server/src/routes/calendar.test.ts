import { schema } from '@scenebridge/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;

const put = (c: Client, year: number | string, body: unknown) => c.request('PUT', `/api/v1/calendar/${year}`, body);
const auditOf = (year: number) =>
  ctx.services.db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.entityId, String(year)))
    .orderBy(asc(schema.auditEvents.seq));
const daysOf = (year: number) => ctx.services.db.select().from(schema.calendarDays).where(eq(schema.calendarDays.year, year));

/** A made-up 2030 arrangement: 国庆 10.1–10.7 (Tue–Mon), 9.29 (Sun) and 10.12 (Sat) worked. */
const Y2030 = {
  version: 0,
  source: '测试用安排',
  reason: '录入2030年放假安排',
  holidays: [
    { name: '元旦', start: '2030-01-01', end: '2030-01-01' },
    { name: '国庆节', start: '2030-10-01', end: '2030-10-07' },
  ],
  workdays: [
    { date: '2030-09-29', name: '国庆节调休上班' },
    { date: '2030-10-12', name: '国庆节调休上班' },
  ],
};

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
}, 60_000);
afterAll(async () => ctx?.close());

describe('reading the calendar', () => {
  it('ships 2025 and 2026 from the State Council notices, readable without signing in', async () => {
    const res = await anonymous(ctx.app).get('/api/v1/calendar/2025');
    expect(res.statusCode, res.body).toBe(200);
    const y = res.json();
    expect(y).toMatchObject({ year: 2025, status: 'builtin', version: 0, workingDayCount: 248 });
    expect(y.source).toContain('国办发明电〔2024〕12号');
    expect(y.holidays).toContainEqual({ name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08' });
    expect(y.workdays.map((w: { date: string }) => w.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect((await anonymous(ctx.app).get('/api/v1/calendar/2026')).json()).toMatchObject({ status: 'builtin', workingDayCount: 248 });
  });

  it('says a year nobody maintained is missing, and refuses a year out of range', async () => {
    expect((await operator.get('/api/v1/calendar/2031')).json()).toMatchObject({ status: 'missing', holidays: [], workingDayCount: null });
    expect((await operator.get('/api/v1/calendar/1999')).statusCode).toBe(400);
    expect((await operator.get('/api/v1/calendar/abc')).statusCode).toBe(400);
  });
});

describe('computing a period of working days', () => {
  const compute = (q: string) => anonymous(ctx.app).get(`/api/v1/calendar/working-days?${q}`);

  it('a 公示 of 5 working days published on Friday 2025-09-26 ends at 24:00 of 10.10, skipping the holiday', async () => {
    const res = await compute('from=2025-09-26&days=5');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ from: '2025-09-26', firstDay: '2025-09-28', lastDay: '2025-10-10', endsAt: '2025-10-10T16:00:00.000Z' });
    expect(p.workingDays).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10']);
    expect(p.skippedDays[0]).toEqual({ date: '2025-09-27', kind: 'weekend', name: null });
    expect(p.skippedDays).toContainEqual({ date: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节' });
  });

  it('takes an instant by its Shanghai date', async () => {
    // 2025-09-25T16:30Z is Friday 9.26 00:30 in Shanghai.
    expect((await compute(`from=${encodeURIComponent('2025-09-25T16:30:00Z')}&days=5`)).json().lastDay).toBe('2025-10-10');
    expect((await compute(`from=${encodeURIComponent('2025-09-26T00:30:00+08:00')}&days=5`)).json().lastDay).toBe('2025-10-10');
  });

  it('crosses into 2026 (元旦 1.1–1.3, 1.4 worked)', async () => {
    expect((await compute('from=2025-12-29&days=5')).json().workingDays).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-04',
      '2026-01-05',
      '2026-01-06',
    ]);
  });

  it('refuses a year nobody maintained with its name, and bad input', async () => {
    const res = await compute('from=2032-03-01&days=5');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2032 } });
    for (const q of ['from=2025-02-30&days=5', 'from=2025-03-01&days=0', 'from=2025-03-01&days=251', 'from=yesterday&days=5', 'days=5']) {
      const r = await compute(q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('maintaining a year', () => {
  it('an operator saves a year with a reason; it is read back, counted on and audited', async () => {
    const res = await put(operator, 2030, Y2030);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      year: 2030,
      status: 'saved',
      version: 1,
      source: '测试用安排',
      holidays: Y2030.holidays,
      workdays: Y2030.workdays,
    });
    expect(res.json().updatedBy).toBeTruthy();
    expect((await anonymous(ctx.app).get('/api/v1/calendar/working-days?from=2030-09-27&days=3')).json().workingDays).toEqual([
      '2030-09-29',
      '2030-09-30',
      '2030-10-08',
    ]);
    const [entry] = await auditOf(2030);
    expect(entry).toMatchObject({
      action: 'calendar.year_saved',
      entityType: 'calendar_year',
      fromState: 'missing',
      toState: 'saved',
      reason: '录入2030年放假安排',
    });
    expect((entry!.data as { added: string[] }).added).toContain('2030-10-12 调休上班（国庆节调休上班）');
  });

  it('editing a shipped year replaces it, keeps the other years, and records what changed', async () => {
    const before = (await operator.get('/api/v1/calendar/2025')).json();
    const body = {
      version: 0,
      source: before.source,
      reason: '地方补充：端午节后增加一天',
      holidays: before.holidays.map((h: { name: string; start: string; end: string }) =>
        h.name === '端午节' ? { ...h, end: '2025-06-03' } : h,
      ),
      workdays: before.workdays,
    };
    const res = await put(operator, 2025, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'saved', version: 1, workingDayCount: 247 });
    const data = (await auditOf(2025))[0]!.data as { added: string[]; removed: string[] };
    expect(data).toMatchObject({ added: ['2025-06-03 放假（端午节）'], removed: [] });
    expect((await operator.get('/api/v1/calendar/2026')).json().status).toBe('builtin');

    // A second save naming the old version is refused and changes nothing.
    const stale = await put(operator, 2025, { ...body, reason: '重复保存' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await operator.get('/api/v1/calendar/2025')).json().version).toBe(1);
    expect(await auditOf(2025)).toHaveLength(1);
    // Put back as shipped.
    expect((await put(operator, 2025, { ...before, version: 1, reason: '恢复国务院通知的安排' })).json().workingDayCount).toBe(248);
  });

  it('refuses bad arrangements with the field and a Chinese reason, changing nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...Y2030, version: 1, workdays: [{ date: '2030-10-01', name: '调休' }] }, 'workdays.0.date'], // a Tuesday
      [{ ...Y2030, version: 1, workdays: [{ date: '2030-10-05', name: '调休' }] }, 'workdays.0.date'], // a Saturday off
      [{ ...Y2030, version: 1, holidays: [{ name: '元旦', start: '2029-12-31', end: '2030-01-01' }] }, 'holidays.0.start'],
      [{ ...Y2030, version: 1, holidays: [{ name: '春节', start: '2030-02-30', end: '2030-03-02' }] }, 'holidays.0.start'],
      [{ ...Y2030, version: 1, holidays: [{ name: '国庆', start: '2030-10-07', end: '2030-10-01' }] }, 'holidays.0.end'],
      [{ ...Y2030, version: 1, reason: '' }, 'reason'],
      [{ ...Y2030, version: 1, holidays: [{ name: '', start: '2030-10-01', end: '2030-10-01' }] }, 'holidays.0.name'],
      [{ ...Y2030, version: 1, workdays: [{ date: '20301012', name: '调休' }] }, 'workdays.0.date'],
    ];
    const days = (await daysOf(2030)).length;
    for (const [body, path] of cases) {
      const res = await put(operator, 2030, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await put(operator, 2101, { ...Y2030, holidays: [], workdays: [] })).statusCode).toBe(400);
    expect((await daysOf(2030)).length).toBe(days);
    expect((await operator.get('/api/v1/calendar/2030')).json().version).toBe(1);
    expect(await auditOf(2030)).toHaveLength(1);
  });

  it('only operators edit: others are refused and nothing changes', async () => {
    const member = (await orgUser(ctx, { roles: ['org_admin'] })).client;
    const broker = (await platformUser(ctx, ['broker'])).client;
    for (const c of [member, broker]) {
      const res = await put(c, 2031, { ...Y2030, holidays: [], workdays: [] });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('只有运营方可以维护工作日历');
    }
    expect((await put(anonymous(ctx.app), 2031, { ...Y2030, holidays: [], workdays: [] })).statusCode).toBe(401);
    expect((await operator.get('/api/v1/calendar/2031')).json().status).toBe('missing');
    expect(await auditOf(2031)).toHaveLength(0);
  });
});
