import { schema } from '@scenebridge/db';
import { asc, count, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  makeCall,
  makeOrganization,
  makeUser,
  login,
  orgUser,
  platformUser,
  scenarioNeedData,
  type Client,
  type TestContext,
} from '../testing.js';

let ctx: TestContext;
let operator: Client;
// A fresh database per test: every reviewer on the platform takes part in assignment.
beforeEach(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
  operator = (await platformUser(ctx)).client;
});
afterEach(async () => {
  await ctx?.close();
});

/** An open call with `n` submitted needs from `n` organisations, then closed and in review. */
async function callInReview(n: number, opts: { blind?: boolean; k?: number } = {}) {
  const now = Date.now();
  const call = await makeCall(ctx.services, {
    input: {
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 3600_000).toISOString(),
      reviewScheme: {
        reviewersPerItem: opts.k ?? 3,
        blind: opts.blind ?? false,
        criteria: [
          { key: 'urgency', name: '需求迫切性', weight: 60 },
          { key: 'feasibility', name: '技术可行性', weight: 40 },
        ],
      },
    },
  });
  const owners = [];
  for (let i = 0; i < n; i++) {
    const o = await orgUser(ctx);
    const id = (
      await o.client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title: `评审测试场景${i + 1}号需求` }) })
    ).json().id as string;
    expect((await o.client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    owners.push({ ...o, submissionId: id });
  }
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).json().status).toBe('closed');
  expect((await operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' })).json().status).toBe('reviewing');
  return { call, owners };
}

async function reviewerIn(orgId?: string) {
  const org = orgId ? { id: orgId } : await makeOrganization(ctx.services, { kind: 'university' });
  const user = await makeUser(ctx.services, org.id, ['reviewer']);
  return { user, client: await login(ctx.app, user.email) };
}

describe('review, selection and publication', () => {
  it('assigns k reviewers per item, never from the submitter’s or a declared organisation, and balances load', async () => {
    const { call, owners } = await callInReview(4);
    const insider = await reviewerIn(owners[0]!.org.id);
    const related = await reviewerIn();
    expect(
      (await related.client.post('/api/v1/reviews/relations', { organizationId: owners[1]!.org.id, note: '曾任该单位顾问' })).statusCode,
    ).toBe(204);
    const others = [await reviewerIn(), await reviewerIn(), await reviewerIn()];
    const statuses = (await operator.get(`/api/v1/submissions?callId=${call.id}`)).json().items.map((i: { status: string }) => i.status);
    expect(new Set(statuses)).toEqual(new Set(['in_review']));

    const res = await operator.post(`/api/v1/calls/${call.id}/assignments/auto`, {});
    expect(res.statusCode).toBe(200);
    const ranking = (await operator.get(`/api/v1/calls/${call.id}/ranking`)).json();
    for (const item of ranking.items as { id: string; reviews: { reviewerUserId: string }[] }[]) {
      const ids = item.reviews.map((r) => r.reviewerUserId);
      expect(ids).toHaveLength(3);
      if (item.id === owners[0]!.submissionId) expect(ids).not.toContain(insider.user.id);
      if (item.id === owners[1]!.submissionId) expect(ids).not.toContain(related.user.id);
    }
    const mine = [insider, related, ...others].map(
      (r) => ranking.reviewers.find((p: { reviewerUserId: string }) => p.reviewerUserId === r.user.id)?.assigned ?? 0,
    );
    expect(Math.max(...mine) - Math.min(...mine)).toBeLessThanOrEqual(1);

    // Manual override obeys the same rule.
    const manual = await operator.post(`/api/v1/calls/${call.id}/assignments`, {
      submissionId: owners[0]!.submissionId,
      reviewerUserId: insider.user.id,
    });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().error.code).toBe('CONFLICT_OF_INTEREST');
  });

  it('scores, conflict declaration with reassignment, blind review, trimmed ranking, selection and an immutable batch', async () => {
    const { call, owners } = await callInReview(3, { blind: true, k: 2 });
    const reviewers = [await reviewerIn(), await reviewerIn(), await reviewerIn()];
    await operator.post(`/api/v1/calls/${call.id}/assignments/auto`, {});

    const first = reviewers[0]!;
    const tasks = (await first.client.get(`/api/v1/reviews/assignments?callId=${call.id}`)).json().items as {
      id: string;
      organizationName: string | null;
    }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.organizationName === null)).toBe(true);
    const detail = (await first.client.get(`/api/v1/reviews/assignments/${tasks[0]!.id}`)).json();
    expect(detail.submission.organization).toBeNull();
    expect(detail.submission.data.contact).toBeUndefined();
    // Another reviewer cannot open it.
    expect((await reviewers[1]!.client.get(`/api/v1/reviews/assignments/${tasks[0]!.id}`)).statusCode).toBe(404);

    const incomplete = await first.client.request('PUT', `/api/v1/reviews/assignments/${tasks[0]!.id}`, {
      scores: { urgency: 80 },
      submit: true,
    });
    expect(incomplete.json().error.code).toBe('INCOMPLETE_SCORES');
    const conflict = await first.client.post(`/api/v1/reviews/assignments/${tasks[0]!.id}/conflict`, { reason: '与申报单位有合作关系' });
    expect(conflict.statusCode).toBe(200);

    // Everyone scores what they hold: item scores differ so the ranking is known.
    const target = new Map(owners.map((o, i) => [o.submissionId, 90 - i * 10]));
    for (const r of reviewers) {
      const mineNow = (await r.client.get(`/api/v1/reviews/assignments?callId=${call.id}`)).json().items as {
        id: string;
        submissionId: string;
        status: string;
      }[];
      for (const t of mineNow.filter((x) => x.status === 'assigned')) {
        const s = target.get(t.submissionId)!;
        const saved = await r.client.request('PUT', `/api/v1/reviews/assignments/${t.id}`, {
          scores: { urgency: s, feasibility: s },
          comments: { urgency: '需求明确' },
          submit: true,
        });
        expect(saved.json()).toMatchObject({ status: 'submitted', weightedScore: s });
      }
    }
    const ranking = (await operator.get(`/api/v1/calls/${call.id}/ranking`)).json();
    expect(ranking.items.map((i: { id: string }) => i.id)).toEqual(owners.map((o) => o.submissionId));
    expect(ranking.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3]);
    const conflicted = ranking.items
      .flatMap((i: { reviews: { status: string }[] }) => i.reviews)
      .filter((r: { status: string }) => r.status === 'conflict_declared');
    expect(conflicted).toHaveLength(1);

    // Rejecting needs a reason; a refused bulk action changes nothing.
    const ids = owners.map((o) => o.submissionId);
    const noReason = await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [ids[2]], action: 'reject' });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    expect(
      (await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [ids[0], ids[1]], action: 'select' })).json().moved,
    ).toBe(2);
    expect(
      (
        await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: [ids[2]], action: 'reject', reason: '示范带动性不足' })
      ).json().moved,
    ).toBe(1);
    const rejected = (await owners[2]!.client.get(`/api/v1/submissions/${ids[2]}`)).json();
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: '示范带动性不足' });

    const published = await operator.post(`/api/v1/calls/${call.id}/batches`, {
      title: '2026年第9批人工智能场景机会清单（测试）',
      number: 9,
    });
    expect(published.statusCode).toBe(201);
    const batchId = published.json().id as string;
    const pub = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/batches/${batchId}` })).json();
    expect(pub.entries.map((e: { seq: number; submissionId: string }) => [e.seq, e.submissionId])).toEqual([
      [1, ids[0]],
      [2, ids[1]],
    ]);
    expect(pub.entries[0].contact).toBeNull(); // the owner did not make the contact public
    expect((await operator.get(`/api/v1/calls/${call.id}`)).json().status).toBe('reviewing');
    expect((await operator.post(`/api/v1/calls/${call.id}/batches`, { number: 9 })).json().error.code).toBe('NOTHING_SELECTED');

    // The database itself refuses edits and deletes of a published entry.
    await expect(ctx.handle.db.execute(sql`update batch_entries set name = '偷偷修改' where batch_id = ${batchId}`)).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from batch_entries where batch_id = ${batchId}`)).rejects.toThrow();

    const corrected = await operator.post(`/api/v1/batches/${batchId}/entries/1/corrections`, {
      description: '更正后的场景描述：面向冲压车间的在线视觉检测，需覆盖全部零部件型号。',
      erratum: '更正场景描述中的车间名称',
    });
    expect(corrected.json()).toMatchObject({ seq: 1, version: 2, erratum: '更正场景描述中的车间名称' });
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/batches/${batchId}` })).json();
    expect(after.entries[0]).toMatchObject({ version: 2, erratum: '更正场景描述中的车间名称' });
    expect(after.superseded).toEqual([expect.objectContaining({ seq: 1, version: 1, isCurrent: false })]);
    const filtered = (
      await ctx.app.inject({ method: 'GET', url: `/api/v1/public/entries?batchId=${batchId}&sector=manufacturing` })
    ).json();
    expect(filtered.total).toBe(2);
  });

  it('refuses an illegal assignment transition with 409 ILLEGAL_TRANSITION and writes nothing', async () => {
    const { call } = await callInReview(1, { k: 1 });
    // Two reviewers: one holds the item, the other would be its replacement after a conflict.
    const reviewers = [await reviewerIn(), await reviewerIn()];
    await operator.post(`/api/v1/calls/${call.id}/assignments/auto`, {});
    const held = [];
    for (const r of reviewers) {
      for (const t of (await r.client.get(`/api/v1/reviews/assignments?callId=${call.id}`)).json().items)
        held.push({ client: r.client, id: t.id as string });
    }
    expect(held).toHaveLength(1);
    const { client, id } = held[0]!;
    const scored = await client.request('PUT', `/api/v1/reviews/assignments/${id}`, {
      scores: { urgency: 70, feasibility: 60 },
      submit: true,
    });
    expect(scored.json()).toMatchObject({ status: 'submitted' });

    const snapshot = async () => ({
      assignments: await ctx.handle.db.select().from(schema.reviewAssignments).orderBy(asc(schema.reviewAssignments.id)),
      audit: (await ctx.handle.db.select({ n: count() }).from(schema.auditEvents))[0]!.n,
    });
    const before = await snapshot();
    const attempts = [
      await client.post(`/api/v1/reviews/assignments/${id}/conflict`, { reason: '与申报单位有合作关系' }),
      await client.request('PUT', `/api/v1/reviews/assignments/${id}`, { scores: { urgency: 90, feasibility: 90 }, submit: true }),
      await client.request('PUT', `/api/v1/reviews/assignments/${id}`, { scores: { urgency: 90 }, submit: false }),
      await operator.delete(`/api/v1/review-assignments/${id}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining('已提交'),
        details: { machine: 'review_assignment', from: 'submitted' },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('reopens submitted scores when an item returned during review is resubmitted', async () => {
    const {
      call,
      owners: [owner],
    } = await callInReview(1, { k: 1 });
    const reviewer = await reviewerIn();
    await operator.post(`/api/v1/calls/${call.id}/assignments/auto`, {});
    const [task] = (await reviewer.client.get('/api/v1/reviews/assignments')).json().items;
    const url = `/api/v1/reviews/assignments/${task.id}`;
    expect((await reviewer.client.request('PUT', url, { scores: { urgency: 70, feasibility: 60 }, submit: true })).json().status).toBe(
      'submitted',
    );
    const back = await operator.post(`/api/v1/submissions/${owner!.submissionId}/transitions`, {
      action: 'return_for_revision',
      reason: '请补充数据说明',
    });
    expect(back.json().status).toBe('returned_for_revision');
    expect((await owner!.client.post(`/api/v1/submissions/${owner!.submissionId}/transitions`, { action: 'resubmit' })).json().status).toBe(
      'in_review',
    );
    expect((await reviewer.client.get(url)).json()).toMatchObject({ status: 'assigned', weightedScore: null });
  });

  it('publishes nothing when a failure strikes halfway', async () => {
    const { call, owners } = await callInReview(3, { k: 1 });
    await reviewerIn();
    const ids = owners.map((o) => o.submissionId);
    await operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds: ids, action: 'select' });
    const auditBefore = (await operator.get('/api/v1/audit?pageSize=1')).json().total as number;
    // A fault injected in this test database only: the second entry's insert fails.
    await ctx.handle.db.execute(
      sql.raw(`
      create or replace function fail_second_entry() returns trigger language plpgsql as $$
      begin if new.seq = 2 then raise exception 'injected failure'; end if; return new; end; $$;`),
    );
    await ctx.handle.db.execute(
      sql.raw('create trigger fail_second_entry before insert on batch_entries for each row execute function fail_second_entry()'),
    );
    try {
      const res = await operator.post(`/api/v1/calls/${call.id}/batches`, { number: 42 });
      expect(res.statusCode).toBe(500);
    } finally {
      await ctx.handle.db.execute(sql.raw('drop trigger fail_second_entry on batch_entries'));
    }
    const batches = (await ctx.app.inject({ method: 'GET', url: '/api/v1/public/batches?pageSize=100' })).json().items as {
      number: number;
    }[];
    expect(batches.some((b) => b.number === 42)).toBe(false);
    const states = (await operator.get(`/api/v1/submissions?callId=${call.id}`)).json().items.map((i: { status: string }) => i.status);
    expect(new Set(states)).toEqual(new Set(['selected']));
    expect((await operator.get(`/api/v1/calls/${call.id}`)).json().status).toBe('reviewing');
    expect((await operator.get('/api/v1/audit?pageSize=1')).json().total).toBe(auditBefore);
    // And it publishes once the fault is gone.
    expect((await operator.post(`/api/v1/calls/${call.id}/batches`, { number: 42 })).statusCode).toBe(201);
  });
});
