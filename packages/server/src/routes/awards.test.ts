import { makeChallenge } from '@scenebridge/app/challenges/testing';
import { advancePublicitiesByClock } from '@scenebridge/app/publicity';
import { schema } from '@scenebridge/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, login, orgUser, platformUser, type Client, type TestContext } from '../testing.js';
import { awardPublicity, proposedThroughApi, type Person } from './awards.testing.js';
import { objectionBody } from './publicity.testing.js';

// Monday 2026-11-02 10:00 Shanghai: the deadline falls at 12:00; a 1-working-day 公示 started
// then ends at 24:00 Shanghai of the next working day (Tuesday 11.3).
const T0 = new Date('2026-11-02T02:00:00Z');
const AFTER_END = new Date('2026-11-03T16:30:00Z');

let ctx: TestContext;
let operator: Client;
let operatorEmail: string;
beforeAll(async () => {
  ctx = await createTestContext({ now: T0, config: { loginRateLimitPerMinute: 10_000 } });
  operatorEmail = (await platformUser(ctx)).user.email;
});
beforeEach(async () => {
  ctx.setNow(T0);
  operator = await login(ctx.app, operatorEmail);
});
afterAll(async () => {
  await ctx?.close();
});

/** Past the 公示's end: sessions idle that long have ended, so everyone signs in again. */
async function pastEnd(...people: Person[]) {
  ctx.setNow(AFTER_END);
  operator = await login(ctx.app, operatorEmail);
  for (const p of people) p.client = await login(ctx.app, p.email);
}
const clock = () => advancePublicitiesByClock({ services: ctx.services });
const db = () => ctx.handle.db;
const status = async (table: 'applications' | 'challenges' | 'submissions' | 'publicities', id: string) => {
  const t = schema[table];
  return (await db().select({ s: t.status }).from(t).where(eq(t.id, id)))[0]!.s;
};
const auditOf = async (entityId: string) =>
  db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId)).orderBy(asc(schema.auditEvents.seq));
const awardsOf = async (challengeId: string) =>
  db()
    .select()
    .from(schema.challengeAwards)
    .where(eq(schema.challengeAwards.challengeId, challengeId))
    .orderBy(asc(schema.challengeAwards.agreementNo));
const notes = async (kind: string, userId: string) =>
  db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.kind, kind), eq(schema.notifications.userId, userId)));

describe('a challenge is awarded through its 公示', () => {
  it('closed → review → proposed → 公示 with a dismissed objection → final by the clock: awards, task agreements, the need awarded', async () => {
    const r = await proposedThroughApi(ctx, operator, { applicants: 4, propose: 2, shortlist: 1 });
    const [a, b, c, d] = r.applicants;
    // Approving the challenge started matching on its source need.
    expect(await status('submissions', r.needId)).toBe('matching');
    const matching = (await auditOf(r.needId)).find((e) => e.action === 'submission.start_matching')!;
    expect(matching.data).toMatchObject({ cause: { kind: 'challenge', id: r.challengeId } });

    const draft = await awardPublicity(operator, r.challengeId, { start: false });
    expect(draft.title).toBe('热轧钢板表面缺陷智能检测拟中榜单位公示');
    expect(draft.items.map((i) => i.subjectItemId).sort()).toEqual([a!.applicationId, b!.applicationId].sort());
    expect(await status('challenges', r.challengeId)).toBe('under_review');
    // Never a draft on the public pages.
    expect((await anonymous(ctx.app).get(`/api/v1/publicities/${draft.id}`)).statusCode).toBe(404);

    const started = await operator.post(`/api/v1/publicities/${draft.id}/transitions`, { action: 'start' });
    expect(started.statusCode, started.body).toBe(200);
    expect(await status('challenges', r.challengeId)).toBe('publicity');
    expect((await auditOf(r.challengeId)).map((e) => e.action)).toContain('challenge.start_publicity');
    // The proposal is public now: the operator cannot take it back (the review's guard).
    const unpropose = await operator.post(`/api/v1/applications/${a!.applicationId}/transitions`, { action: 'unpropose' });
    expect(unpropose.json().error.code).toBe('AWARD_PUBLICITY_STARTED');
    // Not on the results page while in 公示.
    expect(
      (await anonymous(ctx.app).get('/api/v1/public/challenge-results')).json().awarded.map((x: { id: string }) => x.id),
    ).not.toContain(r.challengeId);

    const lodged = await c!.client.post(`/api/v1/publicities/${draft.id}/objections`, objectionBody(draft.items[0]!.id));
    expect(lodged.statusCode, lodged.body).toBe(201);
    const dismissed = await operator.post(`/api/v1/publicity-objections/${lodged.json().id}/decision`, {
      action: 'dismiss',
      reason: '经核查申报材料属实，异议不成立',
    });
    expect(dismissed.statusCode).toBe(200);
    expect(await awardsOf(r.challengeId)).toEqual([]);

    await pastEnd(r.owner, a!, b!, c!, d!);
    expect(await clock()).toBe(2);
    expect(await status('publicities', draft.id)).toBe('final');
    expect(await status('challenges', r.challengeId)).toBe('awarded');
    expect(await status('applications', a!.applicationId)).toBe('awarded');
    expect(await status('applications', b!.applicationId)).toBe('awarded');
    for (const loser of [c!, d!]) {
      expect(await status('applications', loser.applicationId)).toBe('not_awarded');
      const [row] = await db().select().from(schema.applications).where(eq(schema.applications.id, loser.applicationId));
      expect(row!.statusReason).toBe('未入选拟中榜单位');
    }
    const awards = await awardsOf(r.challengeId);
    // Awarded in the 公示's order (by application), numbered in that order.
    const [w1, w2] = [a!, b!].sort((x, y) => x.applicationId.localeCompare(y.applicationId));
    expect(awards.map((w) => [w.applicationId, w.organizationId, w.amountFen, w.status, w.publicityId])).toEqual([
      [w1!.applicationId, w1!.organizationId, 150_000_000, 'active', draft.id],
      [w2!.applicationId, w2!.organizationId, 150_000_000, 'active', draft.id],
    ]);
    expect(awards.map((w) => w.agreementNo)).toEqual([expect.stringMatching(/^RW-2026-\d{4}$/), expect.stringMatching(/^RW-2026-\d{4}$/)]);
    for (const w of awards) {
      const ms = await db()
        .select()
        .from(schema.awardMilestones)
        .where(eq(schema.awardMilestones.awardId, w.id))
        .orderBy(asc(schema.awardMilestones.seq));
      expect(ms.map((m) => [m.name, m.percent, m.amountFen, m.dueDate, m.checkpoint, m.status])).toEqual([
        ['方案设计与样机', 30, 45_000_000, '2027-03-01', true, 'pending'],
        ['产线部署验收', 70, 105_000_000, '2027-09-30', false, 'pending'],
      ]);
      expect(ms.reduce((s, m) => s + m.amountFen, 0)).toBe(w.amountFen);
      expect((await auditOf(w.id)).map((e) => e.action)).toEqual(['award.created']);
    }
    // The source need is awarded, its audit entry naming the winners and the challenge.
    expect(await status('submissions', r.needId)).toBe('awarded');
    const needAward = (await auditOf(r.needId)).find((e) => e.action === 'submission.award')!;
    expect(needAward.data).toMatchObject({
      challengeId: r.challengeId,
      winners: [{ organizationId: w1!.organizationId }, { organizationId: w2!.organizationId }],
    });
    // The need's detail links its challenge with the winners, for its owner (not for others).
    const needForOwner = (await r.owner.client.get(`/api/v1/submissions/${r.needId}`)).json();
    expect(needForOwner.challengeLinks).toEqual([
      {
        id: r.challengeId,
        title: '热轧钢板表面缺陷智能检测',
        status: 'awarded',
        winners: awards.map((w) => ({ awardId: w.id, organizationName: expect.any(String), agreementNo: w.agreementNo })),
      },
    ]);
    const needForOther = await c!.client.get(`/api/v1/submissions/${r.needId}`);
    if (needForOther.statusCode === 200) expect(needForOther.json().challengeLinks).toBeUndefined();
    // Winners and the owner are told.
    expect(await notes('award.won', a!.userId)).toHaveLength(1);
    expect(await notes('award.won', c!.userId)).toHaveLength(0);
    expect(await notes('challenge.awarded', r.owner.userId)).toHaveLength(1);
    // A second run of the clock changes nothing.
    expect(await clock()).toBe(0);
    expect(await awardsOf(r.challengeId)).toHaveLength(2);

    // Whoever sees the challenge sees its winners; milestones only those taking part.
    const forAnon = (await anonymous(ctx.app).get(`/api/v1/challenges/${r.challengeId}/awards`)).json();
    expect(forAnon.items.map((w: { organizationId: string; milestones: unknown }) => [w.organizationId, w.milestones])).toEqual([
      [w1!.organizationId, null],
      [w2!.organizationId, null],
    ]);
    const forOwner = (await r.owner.client.get(`/api/v1/challenges/${r.challengeId}/awards`)).json();
    expect(forOwner.items.every((w: { milestones: unknown[] }) => w.milestones.length === 2)).toBe(true);
    const forA = (await a!.client.get(`/api/v1/challenges/${r.challengeId}/awards`)).json();
    expect(forA.items.map((w: { organizationId: string; milestones: unknown }) => [w.organizationId, w.milestones !== null])).toEqual([
      [w1!.organizationId, w1 === a],
      [w2!.organizationId, w2 === a],
    ]);
    expect((await c!.client.get(`/api/v1/challenges/${r.challengeId}/awards`)).json().items[0].milestones).toBeNull();

    // Public: JSON, the page, and its downloads, without login.
    const pub = (await anonymous(ctx.app).get('/api/v1/public/challenge-results')).json();
    const mine = pub.awarded.find((x: { id: string }) => x.id === r.challengeId);
    expect(mine.winners.map((w: { agreementNo: string }) => w.agreementNo)).toEqual(awards.map((w) => w.agreementNo));
    const page = await anonymous(ctx.app).get('/public/challenge-results');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(awards[0]!.agreementNo);
    expect(page.body).toContain('热轧钢板表面缺陷智能检测');
    const xlsx = await anonymous(ctx.app).get('/public/challenge-results/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const docx = await anonymous(ctx.app).get('/public/challenge-results/download.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const atom = await anonymous(ctx.app).get('/public/challenge-results.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.body).toContain(`urn:uuid:${r.challengeId}`);
  });

  it('an objection upheld revokes that proposal; deciding the last one after the end makes it final and awards the rest', async () => {
    const r = await proposedThroughApi(ctx, operator, { applicants: 2, propose: 2 });
    const [a, b] = r.applicants;
    const p = await awardPublicity(operator, r.challengeId);
    const itemOfA = p.items.find((i) => i.subjectItemId === a!.applicationId)!;
    const lodged = await b!.client.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(itemOfA.id));
    expect(lodged.statusCode, lodged.body).toBe(201);
    await pastEnd(r.owner, a!, b!);
    expect(await clock()).toBe(1);
    // Ended, an objection pending: nothing awarded yet.
    expect(await status('publicities', p.id)).toBe('ended');
    expect(await status('challenges', r.challengeId)).toBe('publicity');
    const upheld = await operator.post(`/api/v1/publicity-objections/${lodged.json().id}/decision`, {
      action: 'uphold',
      reason: '经核查报价依据与实际不符，异议成立',
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await status('publicities', p.id)).toBe('final');
    expect(await status('applications', a!.applicationId)).toBe('not_awarded');
    const revoked = (await auditOf(a!.applicationId)).find((e) => e.action === 'application.revoke_proposal')!;
    expect(revoked.reason).toContain('异议成立');
    // The revoked lead hears the decision through the objection flow.
    expect(await notes('publicity.objection_decided', a!.userId)).toHaveLength(1);
    expect(await status('applications', b!.applicationId)).toBe('awarded');
    expect((await awardsOf(r.challengeId)).map((w) => w.applicationId)).toEqual([b!.applicationId]);
    expect(await status('challenges', r.challengeId)).toBe('awarded');
  });

  it('every proposal revoked: the challenge goes back to review, nothing awarded, the need still matching', async () => {
    const r = await proposedThroughApi(ctx, operator, { applicants: 2, propose: 1, shortlist: 1 });
    const [a, b] = r.applicants;
    const p = await awardPublicity(operator, r.challengeId);
    const lodged = await b!.client.post(`/api/v1/publicities/${p.id}/objections`, objectionBody(p.items[0]!.id));
    await operator.post(`/api/v1/publicity-objections/${lodged.json().id}/decision`, {
      action: 'uphold',
      reason: '资质材料不实，异议成立',
    });
    await pastEnd(r.owner, a!, b!);
    expect(await clock()).toBe(2);
    expect(await status('publicities', p.id)).toBe('final');
    expect(await status('challenges', r.challengeId)).toBe('under_review');
    const reopened = (await auditOf(r.challengeId)).find((e) => e.action === 'challenge.reopen_review')!;
    expect(reopened.reason).toContain('均因异议成立被撤销');
    expect(await awardsOf(r.challengeId)).toEqual([]);
    expect(await status('applications', a!.applicationId)).toBe('not_awarded');
    // The shortlisted one stays in review for a new proposal.
    expect(await status('applications', b!.applicationId)).toBe('shortlisted');
    expect(await status('submissions', r.needId)).toBe('matching');
  });
});

describe('starting an award 公示 is refused, changing nothing', () => {
  const publicityCount = async () => (await db().select({ n: count() }).from(schema.publicities))[0]!.n;

  it('for a challenge not under review, without proposals, or unknown', async () => {
    const r = await proposedThroughApi(ctx, operator, { applicants: 1, propose: 0, shortlist: 1 });
    const before = await publicityCount();
    const none = await operator.post('/api/v1/publicities', { subjectKind: 'challenge_award', subjectId: r.challengeId });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('NO_PROPOSED_WINNERS');
    const unknown = await operator.post('/api/v1/publicities', {
      subjectKind: 'challenge_award',
      subjectId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await operator.post('/api/v1/publicities', { subjectKind: 'challenge_award', subjectId: 'nope' });
    expect(bad.statusCode).toBe(400);
    await operator.post(`/api/v1/challenges/${r.challengeId}/transitions`, { action: 'terminate', reason: '需求方撤回，榜单终止' });
    const terminated = await operator.post('/api/v1/publicities', { subjectKind: 'challenge_award', subjectId: r.challengeId });
    expect(terminated.json().error.code).toBe('CHALLENGE_NOT_UNDER_REVIEW');
    expect(await publicityCount()).toBe(before);
    expect((await anonymous(ctx.app).get('/api/v1/challenges/nope/awards')).statusCode).toBe(400);
  });

  it('when the proposals changed after the draft: the draft stays a draft, the challenge in review', async () => {
    const r = await proposedThroughApi(ctx, operator, { applicants: 2, propose: 2 });
    const p = await awardPublicity(operator, r.challengeId, { start: false });
    const un = await operator.post(`/api/v1/applications/${r.applicants[0]!.applicationId}/transitions`, { action: 'unpropose' });
    expect(un.statusCode, un.body).toBe(200);
    const start = await operator.post(`/api/v1/publicities/${p.id}/transitions`, { action: 'start' });
    expect(start.statusCode).toBe(409);
    expect(start.json().error.code).toBe('AWARD_PROPOSALS_CHANGED');
    expect(await status('publicities', p.id)).toBe('draft');
    expect(await status('challenges', r.challengeId)).toBe('under_review');
  });
});

describe('who sees the winners', () => {
  it("another organisation's draft challenge answers 404", async () => {
    const { client } = await orgUser(ctx);
    const other = await orgUser(ctx);
    const draft = await makeChallenge(ctx.services, other.org.id);
    expect((await client.get(`/api/v1/challenges/${draft.id}/awards`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/v1/challenges/${draft.id}/awards`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/challenges/${draft.id}/awards`)).json()).toEqual({ items: [] });
  });
});
