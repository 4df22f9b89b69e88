import { makeApplication } from '@scenebridge/app/application-review/testing';
import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { schema } from '@scenebridge/db';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readExport } from '../xlsx-download.testing.js';
import { createTestContext, login, makeUser, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

const T0 = new Date('2026-11-02T02:00:00Z');
const HOUR = 3600_000;
let ctx: TestContext;
let operator: Client;
let owner: Awaited<ReturnType<typeof orgUser>>;
let soloLead: Awaited<ReturnType<typeof orgUser>>;
let consortiumLead: Awaited<ReturnType<typeof orgUser>>;
let member: Awaited<ReturnType<typeof orgUser>>;
let outsider: Awaited<ReturnType<typeof orgUser>>;
let platformOrgId: string;
/** Every reviewer on the platform, in creation order: r[0] belongs to the consortium member, r[1] declared a relation to the solo lead. */
const reviewers: { id: string; client: Client }[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ now: T0 });
  const op = await platformUser(ctx);
  operator = op.client;
  platformOrgId = op.org.id;
  owner = await orgUser(ctx);
  soloLead = await orgUser(ctx);
  consortiumLead = await orgUser(ctx);
  member = await orgUser(ctx);
  outsider = await orgUser(ctx);
  await makeUser(ctx.services, member.org.id, ['org_member']);
  for (let i = 0; i < 6; i++) {
    const u = await makeUser(ctx.services, i === 0 ? member.org.id : platformOrgId, ['reviewer']);
    reviewers.push({ id: u.id, client: await login(ctx.app, u.email) });
  }
  expect((await reviewers[1]!.client.post('/api/v1/reviews/relations', { organizationId: soloLead.org.id })).statusCode).toBe(204);
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(() => ctx.setNow(T0));

type Scheme = { reviewersPerItem?: number; blind?: boolean };
async function challengeUnderReview(opts: { scheme?: Scheme; mode?: unknown; rewardFen?: number; status?: string } = {}) {
  ctx.setNow(new Date(T0.getTime() - 30 * 86400_000));
  const c = await makeChallenge(ctx.services, owner.org.id, {
    status: opts.status ?? 'under_review',
    input: {
      applicationDeadline: new Date(T0.getTime() - 86400_000).toISOString(),
      ...(opts.rewardFen ? { rewardFen: opts.rewardFen } : {}),
      ...(opts.mode ? { mode: opts.mode as never } : {}),
      reviewScheme: {
        reviewersPerItem: opts.scheme?.reviewersPerItem ?? 2,
        blind: opts.scheme?.blind ?? false,
        criteria: [
          { key: 'advancement', name: '技术先进性', weight: 30 },
          { key: 'feasibility', name: '方案可行性', weight: 30 },
          { key: 'capability', name: '实施能力', weight: 20 },
          { key: 'pricing', name: '报价合理性', weight: 20 },
        ],
      },
    },
  });
  ctx.setNow(T0);
  return c;
}
/** The challenge with the solo application and the consortium's (lead + member). */
async function withApplications(opts: Parameters<typeof challengeUnderReview>[0] & { quotes?: [number, number] } = {}) {
  const c = await challengeUnderReview(opts);
  const solo = await makeApplication(ctx.services, c.id, soloLead.org.id, { quoteFen: opts.quotes?.[0] });
  const consortium = await makeApplication(ctx.services, c.id, consortiumLead.org.id, {
    memberOrganizationIds: [member.org.id],
    quoteFen: opts.quotes?.[1],
  });
  return { c, solo, consortium };
}
const reviewsOf = (challengeId: string) =>
  ctx.handle.db
    .select()
    .from(schema.applicationReviews)
    .where(eq(schema.applicationReviews.challengeId, challengeId))
    .orderBy(asc(schema.applicationReviews.assignedAt), asc(schema.applicationReviews.id));
const clientOf = (userId: string) => reviewers.find((r) => r.id === userId)!.client;
const notesOf = (kind: string, userIds: string[]) =>
  ctx.handle.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.kind, kind), inArray(schema.notifications.userId, userIds)));
const SCORES = (x: number) => ({ scores: { advancement: x, feasibility: x, capability: x, pricing: x }, comments: {}, submit: true });

describe('assigning reviewers to applications', () => {
  it('never gives a reviewer an application of their organisation, a consortium member’s, or a related one; balanced and seedable', async () => {
    const { c, solo, consortium } = await withApplications();
    const res = await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 4, items: 2, shortfalls: [] });
    const rows = await reviewsOf(c.id);
    expect(rows.some((r) => r.applicationId === consortium.id && r.reviewerUserId === reviewers[0]!.id)).toBe(false);
    expect(rows.some((r) => r.applicationId === solo.id && r.reviewerUserId === reviewers[1]!.id)).toBe(false);
    const load = new Map<string, number>();
    for (const r of rows) load.set(r.reviewerUserId, (load.get(r.reviewerUserId) ?? 0) + 1);
    expect(Math.max(...load.values())).toBe(1);
    // Running it again adds nothing; each reviewer heard once.
    expect((await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 7 })).json().created).toBe(0);
    const notes = await notesOf('application_review.assigned', [...load.keys()]);
    expect(notes.map((n) => n.userId).sort()).toEqual([...load.keys()].sort());
    expect(notes[0]!.title).toContain(c.title);
  });

  it('refuses a manual conflicted or duplicate assignment and changes nothing; takes an unscored one back', async () => {
    const { c, consortium } = await withApplications();
    const before = await reviewsOf(c.id);
    const conflicted = await operator.post(`/api/v1/challenges/${c.id}/review/assignments`, {
      applicationId: consortium.id,
      reviewerUserId: reviewers[0]!.id,
    });
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json().error.code).toBe('CONFLICT_OF_INTEREST');
    expect(await reviewsOf(c.id)).toEqual(before);
    const made = await operator.post(`/api/v1/challenges/${c.id}/review/assignments`, {
      applicationId: consortium.id,
      reviewerUserId: reviewers[2]!.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const again = await operator.post(`/api/v1/challenges/${c.id}/review/assignments`, {
      applicationId: consortium.id,
      reviewerUserId: reviewers[2]!.id,
    });
    expect(again.json().error.code).toBe('ALREADY_ASSIGNED');
    expect((await operator.delete(`/api/v1/challenges/${c.id}/review/assignments/${made.json().id}`)).statusCode).toBe(204);
    expect(await reviewsOf(c.id)).toEqual(before);
  });

  it('runs only on a challenge under review, for the operator only; other callers learn nothing', async () => {
    const open = await challengeUnderReview({ status: 'open' });
    const res = await operator.post(`/api/v1/challenges/${open.id}/review/assignments/auto`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CHALLENGE_NOT_UNDER_REVIEW');
    const { c } = await withApplications();
    for (const who of [owner.client, soloLead.client, reviewers[2]!.client]) {
      expect((await who.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, {})).statusCode).toBe(403);
      expect((await who.get(`/api/v1/challenges/${c.id}/review/ranking`)).statusCode).toBe(403);
    }
    const draft = await makeChallenge(ctx.services, owner.org.id);
    expect((await operator.get(`/api/v1/challenges/${draft.id}/review/ranking`)).statusCode).toBe(404);
    expect((await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { k: 0 })).statusCode).toBe(400);
    expect(await reviewsOf(c.id)).toEqual([]);
  });
});

describe('scoring, blind review and ranking', () => {
  it('a blind review names no applicant to the reviewer; another reviewer’s review does not exist', async () => {
    const { c, consortium } = await withApplications({ scheme: { blind: true } });
    await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 1 });
    const mine = (await reviewsOf(c.id)).find((r) => r.applicationId === consortium.id)!;
    const me = clientOf(mine.reviewerUserId);
    const detail = await me.get(`/api/v1/application-reviews/${mine.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      blind: true,
      application: { leadOrganizationName: null, memberOrganizationNames: null, teamLeader: null, consortiumSize: 1 },
    });
    for (const name of [consortiumLead.org.name, member.org.name, '王五']) expect(detail.body).not.toContain(name);
    const list = await me.get('/api/v1/application-reviews');
    expect(list.json().items.find((i: { id: string }) => i.id === mine.id)).toMatchObject({ leadOrganizationName: null });
    // Other rows may name it: the same reviewer reviews it elsewhere in a challenge that is not blind.
    const other = reviewers.find((r) => r.id !== mine.reviewerUserId)!;
    expect((await other.client.get(`/api/v1/application-reviews/${mine.id}`)).statusCode).toBe(404);
    expect((await consortiumLead.client.get(`/api/v1/application-reviews/${mine.id}`)).statusCode).toBe(403);
  });

  it('saves and submits scores per criterion, refuses bad scores unchanged, and ranks by mean with the spread flagged', async () => {
    const { c, solo, consortium } = await withApplications();
    await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 3 });
    const rows = await reviewsOf(c.id);
    const [s1, s2] = rows.filter((r) => r.applicationId === solo.id);
    const [c1, c2] = rows.filter((r) => r.applicationId === consortium.id);
    const put = (id: string, userId: string, body: unknown) => clientOf(userId).request('PUT', `/api/v1/application-reviews/${id}`, body);
    for (const bad of [
      { scores: { advancement: 101 }, submit: false },
      { scores: { nope: 50 }, submit: false },
      { scores: { advancement: 80 }, submit: true },
    ]) {
      const res = await put(s1!.id, s1!.reviewerUserId, bad);
      expect(res.statusCode, res.body).toBe(400);
    }
    expect((await reviewsOf(c.id)).find((r) => r.id === s1!.id)).toEqual(s1);
    const draft = await put(s1!.id, s1!.reviewerUserId, { scores: { advancement: 70 }, comments: { advancement: '思路清晰' } });
    expect(draft.json()).toMatchObject({ status: 'assigned', weightedScore: null });
    expect((await put(s1!.id, s1!.reviewerUserId, SCORES(90))).json()).toMatchObject({ status: 'submitted', weightedScore: 90 });
    await put(s2!.id, s2!.reviewerUserId, SCORES(60));
    await put(c1!.id, c1!.reviewerUserId, SCORES(80));
    await put(c2!.id, c2!.reviewerUserId, SCORES(82));
    expect((await put(s1!.id, s1!.reviewerUserId, SCORES(10))).statusCode).toBe(409);
    const ranking = (await operator.get(`/api/v1/challenges/${c.id}/review/ranking`)).json();
    expect(
      ranking.items.map((i: { id: string; rank: number; mean: number; spreadFlag: boolean }) => [i.id, i.rank, i.mean, i.spreadFlag]),
    ).toEqual([
      [consortium.id, 1, 81, false],
      [solo.id, 2, 75, true],
    ]);
    expect(ranking.items[0]).toMatchObject({ memberOrganizationNames: [member.org.name], allowedActions: ['shortlist', 'not_award'] });
    const xlsx = await operator.get(`/api/v1/challenges/${c.id}/review/ranking/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const file = await readExport(xlsx);
    expect(file.rows.map((r) => r[file.header.indexOf('牵头单位')])).toEqual([consortiumLead.org.name, soloLead.org.name]);
  });

  it('a declared conflict is refilled by an eligible reviewer, never a consortium member’s', async () => {
    const { c, consortium } = await withApplications();
    await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 5 });
    const mine = (await reviewsOf(c.id)).find((r) => r.applicationId === consortium.id)!;
    const bad = await clientOf(mine.reviewerUserId).post(`/api/v1/application-reviews/${mine.id}/conflict`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    const res = await clientOf(mine.reviewerUserId).post(`/api/v1/application-reviews/${mine.id}/conflict`, { reason: '曾与牵头单位合作' });
    expect(res.statusCode, res.body).toBe(200);
    const replacement = res.json().reassignedTo as string;
    expect(replacement).not.toBeNull();
    expect([mine.reviewerUserId, reviewers[0]!.id]).not.toContain(replacement);
    const now = (await reviewsOf(c.id)).filter((r) => r.applicationId === consortium.id);
    expect(now.filter((r) => r.status !== 'conflict_declared')).toHaveLength(2);
    expect(now.find((r) => r.id === mine.id)).toMatchObject({ status: 'conflict_declared', conflictReason: '曾与牵头单位合作' });
  });
});

describe('defence slots (答辩/路演)', () => {
  const slot = (applicationIds: string[], over: Record<string, unknown> = {}) => ({
    startsAt: new Date(T0.getTime() + 48 * HOUR).toISOString(),
    endsAt: new Date(T0.getTime() + 49 * HOUR).toISOString(),
    room: '科技大厦 A-301',
    applicationIds,
    ...over,
  });
  const slotCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.defenceSlots))[0]!.n;

  it('are scheduled, changed and cancelled, and everyone concerned is told each time', async () => {
    const { c, solo, consortium } = await withApplications();
    await operator.post(`/api/v1/challenges/${c.id}/review/assignments/auto`, { seed: 2 });
    const consortiumReviewers = (await reviewsOf(c.id)).filter((r) => r.applicationId === consortium.id).map((r) => r.reviewerUserId);
    const made = await operator.post(`/api/v1/challenges/${c.id}/defence-slots`, slot([consortium.id], { note: '每家汇报15分钟' }));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      status: 'scheduled',
      applications: [{ id: consortium.id, leadOrganizationName: consortiumLead.org.name }],
    });
    const concerned = [consortiumLead.user.id, member.user.id, ...consortiumReviewers];
    const scheduled = await notesOf('defence.scheduled', [...concerned, soloLead.user.id]);
    expect(scheduled.map((n) => n.userId).sort()).toEqual(expect.arrayContaining(concerned.sort()));
    expect(scheduled.some((n) => n.userId === soloLead.user.id)).toBe(false);
    expect(scheduled[0]!.body).toContain('科技大厦 A-301');
    // Email through the outbox, as the kind says.
    const outbox = await ctx.handle.db.select({ n: count() }).from(schema.outbox);
    expect(outbox[0]!.n).toBeGreaterThan(0);

    const id = made.json().id as string;
    const moved = await operator.request(
      'PUT',
      `/api/v1/challenges/${c.id}/defence-slots/${id}`,
      slot([consortium.id, solo.id], { room: null, onlineLink: 'https://meeting.example.cn/r/123' }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await notesOf('defence.changed', [soloLead.user.id, member.user.id])).length).toBe(2);
    const cancelled = await operator.post(`/api/v1/challenges/${c.id}/defence-slots/${id}/cancel`, { reason: '评审专家时间冲突' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '评审专家时间冲突' });
    expect((await notesOf('defence.cancelled', [soloLead.user.id]))[0]!.body).toContain('评审专家时间冲突');
    // A cancelled slot frees its applications.
    expect((await operator.post(`/api/v1/challenges/${c.id}/defence-slots`, slot([solo.id]))).statusCode).toBe(201);
    const audit = await ctx.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['defence.scheduled', 'defence.rescheduled', 'defence.cancelled']);
  });

  it('refuses a bad plan and changes nothing', async () => {
    const { c, solo, consortium } = await withApplications();
    expect((await operator.post(`/api/v1/challenges/${c.id}/defence-slots`, slot([solo.id]))).statusCode).toBe(201);
    const before = await slotCount();
    const cases: [Record<string, unknown>, number, string][] = [
      [slot([consortium.id], { endsAt: new Date(T0.getTime() + 47 * HOUR).toISOString() }), 400, 'DEFENCE_SLOT_TIME_INVALID'],
      [slot([consortium.id], { startsAt: new Date(T0.getTime() - HOUR).toISOString() }), 400, 'DEFENCE_SLOT_IN_PAST'],
      [slot([solo.id], { room: '另一会议室' }), 409, 'DEFENCE_SLOT_APPLICATION_TAKEN'],
      [slot([consortium.id], { room: ' 科技大厦  a-301 ' }), 409, 'DEFENCE_SLOT_ROOM_TAKEN'],
      [slot([consortium.id], { room: null }), 400, 'DEFENCE_SLOT_PLACE_REQUIRED'],
      [slot([consortium.id], { onlineLink: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED'],
      [slot([]), 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await operator.post(`/api/v1/challenges/${c.id}/defence-slots`, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await slotCount()).toBe(before);
    // Another challenge's application is not this challenge's to schedule.
    const other = await withApplications();
    expect((await operator.post(`/api/v1/challenges/${c.id}/defence-slots`, slot([other.solo.id], { room: 'B' }))).statusCode).toBe(404);
    expect((await soloLead.client.get(`/api/v1/challenges/${c.id}/defence-slots`)).statusCode).toBe(403);
  });
});

describe('shortlist and proposed winners', () => {
  const move = (id: string, action: string, reason?: string) => operator.post(`/api/v1/applications/${id}/transitions`, { action, reason });
  const statusOf = async (id: string) =>
    (await ctx.handle.db.select().from(schema.applications).where(eq(schema.applications.id, id)))[0]!.status;

  it('only while the challenge is under review', async () => {
    const c = await challengeUnderReview({ status: 'closed' });
    const a = await makeApplication(ctx.services, c.id, soloLead.org.id);
    const res = await move(a.id, 'shortlist');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CHALLENGE_NOT_UNDER_REVIEW');
    expect(await statusOf(a.id)).toBe('submitted');
  });

  it('one winner in single mode (TOO_MANY_WINNERS)', async () => {
    const { solo, consortium } = await withApplications();
    for (const a of [solo, consortium]) expect((await move(a.id, 'shortlist')).json().status).toBe('shortlisted');
    expect((await move(solo.id, 'propose')).json().status).toBe('proposed');
    const res = await move(consortium.id, 'propose');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TOO_MANY_WINNERS');
    expect(await statusOf(consortium.id)).toBe('shortlisted');
    expect((await move(solo.id, 'unpropose')).json().status).toBe('shortlisted');
    expect((await move(consortium.id, 'propose')).json().status).toBe('proposed');
  });

  it('up to maxTeams in 赛马, within the reward (REWARD_EXCEEDED)', async () => {
    const { c, solo, consortium } = await withApplications({
      mode: { kind: 'horse_race', maxTeams: 2 },
      rewardFen: 500_000_000,
      quotes: [300_000_000, 300_000_000],
    });
    for (const a of [solo, consortium]) await move(a.id, 'shortlist');
    expect((await move(solo.id, 'propose')).statusCode).toBe(200);
    const res = await move(consortium.id, 'propose');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'REWARD_EXCEEDED', details: { totalFen: 600_000_000, rewardFen: 500_000_000 } });
    expect(await statusOf(consortium.id)).toBe('shortlisted');
    const third = await makeApplication(ctx.services, c.id, outsider.org.id, { quoteFen: 100_000_000 });
    await move(third.id, 'shortlist');
    expect((await move(third.id, 'propose')).statusCode).toBe(200);
  });

  it('is not taken back once the award’s 公示 has started', async () => {
    const { c, solo } = await withApplications();
    await move(solo.id, 'shortlist');
    await move(solo.id, 'propose');
    await ctx.handle.db.insert(schema.publicities).values({
      subjectKind: 'challenge_award',
      subjectId: c.id,
      title: '中榜公示',
      workingDays: 5,
      status: 'running',
      startedAt: T0,
    });
    const res = await move(solo.id, 'unpropose');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AWARD_PUBLICITY_STARTED');
    expect(await statusOf(solo.id)).toBe('proposed');
  });
});
