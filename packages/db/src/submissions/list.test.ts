/**
 * The submissions list: pages in newest-first order whichever end they are read from, and a
 * total that stays exact while it is reused between writes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCall } from '../calls/repository.js';
import { openDatabase, type DatabaseHandle } from '../client.js';
import { insertOrganization } from '../organizations/repository.js';
import { insertSubmissions, listSubmissions, updateSubmission, type SubmissionQuery } from '../submissions/repository.js';
import { createTestDatabase } from '../testing.js';

let handle: DatabaseHandle;
let callId: string;
const orgIds: string[] = [];
let serial = 0;

async function org(name: string) {
  const code = `91500112MA${String(100000 + orgIds.length).padStart(7, '0')}X`;
  const row = await insertOrganization(handle.db, {
    name,
    creditCode: code,
    kind: 'private_enterprise',
    regionCode: '500112',
    contactName: '张三',
    contactPhone: '13800138000',
    status: 'approved',
  });
  orgIds.push(row.id);
  return row.id;
}

/** Submissions with created_at a minute apart, every third sharing its time with the next (id breaks the tie). */
async function add(n: number, opts: { organizationId: string; status?: string; listType?: string; submitted?: boolean }) {
  const base = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: n }, () => {
    const i = serial++;
    return {
      callId,
      organizationId: opts.organizationId,
      listType: opts.listType ?? 'scenario_need',
      status: opts.status ?? 'submitted',
      title: `需求${i}`,
      data: { title: `需求${i}` },
      createdAt: new Date(base + Math.floor(i / 3) * 2 * 60_000 + (i % 3 === 2 ? 60_000 : 0)),
      submittedAt: opts.submitted === false ? null : new Date(base),
    };
  });
  return insertSubmissions(handle.db, rows);
}

/** The same list computed the plain way, for comparison. */
async function reference(q: Omit<SubmissionQuery, 'limit' | 'offset'>): Promise<string[]> {
  const conds = [sql`true`];
  if (q.organizationId) conds.push(sql`organization_id = ${q.organizationId}`);
  if (q.onlySubmitted) conds.push(sql`submitted_at is not null`);
  if (q.statuses?.length) conds.push(sql`status = ${q.statuses[0]}`);
  if (q.listType) conds.push(sql`list_type = ${q.listType}`);
  const res = await handle.db.execute(
    sql`select id from submissions where ${sql.join(conds, sql` and `)} order by created_at desc, id desc`,
  );
  return (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

async function expectEveryPage(q: Omit<SubmissionQuery, 'limit' | 'offset'>, limit: number) {
  const ids = await reference(q);
  // Twice: the first pass counts, the second reuses the total and reads back-half pages from the oldest end.
  for (let pass = 0; pass < 2; pass++) {
    for (let offset = 0; offset <= ids.length + limit; offset += limit) {
      const page = await listSubmissions(handle.db, { ...q, limit, offset });
      expect(page.total, `offset ${offset}`).toBe(ids.length);
      expect(
        page.items.map((i) => i.id),
        `pass ${pass} offset ${offset}`,
      ).toEqual(ids.slice(offset, offset + limit));
    }
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  callId = (
    await insertCall(handle.db, {
      title: '征集',
      listType: 'scenario_need',
      description: '测试征集',
      opensAt: new Date(),
      closesAt: new Date(Date.now() + 86400_000),
      status: 'open',
      reviewScheme: {},
    })
  ).id;
  const a = await org('甲公司');
  const b = await org('乙公司');
  await add(31, { organizationId: a });
  await add(12, { organizationId: b, listType: 'capability' });
  await add(9, { organizationId: a, status: 'returned_for_revision' });
  await add(4, { organizationId: a, status: 'draft', submitted: false });
});
afterAll(async () => {
  await handle?.close();
});

describe('listSubmissions', () => {
  it('gives every page newest first (ties by id) with the exact total, from either end', async () => {
    await expectEveryPage({ onlySubmitted: true }, 7);
    await expectEveryPage({ organizationId: orgIds[0] }, 5);
    await expectEveryPage({ onlySubmitted: true, statuses: ['submitted'] }, 6);
    await expectEveryPage({ onlySubmitted: true, listType: 'capability' }, 4);
  });

  it('finds by title or organisation name', async () => {
    const byTitle = await listSubmissions(handle.db, { onlySubmitted: true, text: '需求1', limit: 100, offset: 0 });
    expect(byTitle.items.length).toBe(byTitle.total);
    expect(byTitle.items.every((i) => i.title.includes('需求1'))).toBe(true);
    const byOrg = await listSubmissions(handle.db, { onlySubmitted: true, text: '乙公司', limit: 5, offset: 0 });
    expect(byOrg.total).toBe(12);
    expect(byOrg.items.every((i) => i.organizationName === '乙公司')).toBe(true);
    // LIKE wildcards in the search text are literal.
    expect((await listSubmissions(handle.db, { onlySubmitted: true, text: '%', limit: 5, offset: 0 })).total).toBe(0);
  });

  it('keeps the total exact across inserts and updates made after it was counted', async () => {
    const q = { onlySubmitted: true, statuses: ['submitted'] };
    const before = await listSubmissions(handle.db, { ...q, limit: 10, offset: 0 });
    await listSubmissions(handle.db, { ...q, limit: 10, offset: 0 }); // now remembered

    const [added] = await add(1, { organizationId: orgIds[1]! });
    const after = await listSubmissions(handle.db, { ...q, limit: 10, offset: 0 });
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]!.id).toBe(added!.id);

    // An update moves a row out of the filter: the total follows at once.
    await updateSubmission(handle.db, added!.id, 'submitted', { status: 'withdrawn' });
    const moved = await listSubmissions(handle.db, { ...q, limit: 10, offset: 0 });
    expect(moved.total).toBe(before.total);
    expect(moved.items.map((i) => i.id)).not.toContain(added!.id);
  });

  it('reads a back-half page correctly after rows were added since the total was counted', async () => {
    const q = { organizationId: orgIds[1] };
    await expectEveryPage(q, 3);
    await add(5, { organizationId: orgIds[1]!, listType: 'capability' });
    await expectEveryPage(q, 3);
  });

  it('leaves the session plan settings as they were when a statement fails', async () => {
    await expect(listSubmissions(handle.db, { organizationId: 'not-a-uuid', limit: 5, offset: 0 })).rejects.toThrow();
    const res = await handle.db.execute(sql`show plan_cache_mode`);
    expect((res as unknown as { rows: { plan_cache_mode: string }[] }).rows[0]!.plan_cache_mode).toBe('auto');
    expect((await listSubmissions(handle.db, { organizationId: orgIds[0], limit: 5, offset: 0 })).items).toHaveLength(5);
  });

  it('keeps the total exact when another process writes (PostgreSQL server)', async (ctx) => {
    if (handle.kind !== 'postgres') return ctx.skip();
    const [{ name }] = ((await handle.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] })
      .rows as [{ name: string }];
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const other = await openDatabase({ url: url.toString(), migrate: false, poolSize: 2 });
    try {
      const q = { organizationId: orgIds[0], limit: 5, offset: 0 };
      const first = await listSubmissions(handle.db, q);
      await listSubmissions(handle.db, q);
      await other.db.transaction(async (tx) => {
        await tx.execute(sql`insert into submissions (call_id, organization_id, list_type, status, title, data, submitted_at)
          values (${callId}, ${orgIds[0]}, 'scenario_need', 'submitted', '另一进程', '{}'::jsonb, now())`);
      });
      expect((await listSubmissions(handle.db, q)).total).toBe(first.total + 1);
    } finally {
      await other.close();
    }
  });

  it('counts a write whose transaction began earlier but committed later (PostgreSQL server)', async (ctx) => {
    if (handle.kind !== 'postgres') return ctx.skip();
    const q = { organizationId: orgIds[1], limit: 5, offset: 0 };
    const start = (await listSubmissions(handle.db, q)).total;
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => {
      inserted = r;
    });
    // A takes a transaction id first and holds it open …
    const slow = handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into submissions (call_id, organization_id, list_type, status, title, data, submitted_at)
        values (${callId}, ${orgIds[1]}, 'capability', 'submitted', '先开始后提交', '{}'::jsonb, now())`);
      inserted();
      await held;
    });
    await insertedP;
    // … B, with a larger id, commits, and the list counts while A is still open.
    await add(1, { organizationId: orgIds[1]!, listType: 'capability' });
    expect((await listSubmissions(handle.db, q)).total).toBe(start + 1);
    expect((await listSubmissions(handle.db, q)).total).toBe(start + 1);
    release();
    await slow;
    // A's row is counted although the newest writer id did not move.
    expect((await listSubmissions(handle.db, q)).total).toBe(start + 2);
  });
});
