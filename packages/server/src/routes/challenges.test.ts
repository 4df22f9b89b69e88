import { challengeInput } from '@scenebridge/app/challenges/testing';
import { closeChallengesByClock } from '@scenebridge/app/challenges';
import { schema } from '@scenebridge/db';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let owner: Client;
let ownerOrg: { id: string };
let outsider: Client;
let operator: Client;
let anon: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ client: owner, org: ownerOrg } = await orgUser(ctx));
  ({ client: outsider } = await orgUser(ctx));
  ({ client: operator } = await platformUser(ctx));
  anon = anonymous(ctx.app);
});
afterAll(async () => {
  await ctx?.close();
});

const details = (res: { json(): unknown }) => (res.json() as { error: { details: { path: string; message: string }[] } }).error.details;
const challengeCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.challenges))[0]!.n;
const auditOf = async (id: string) =>
  (
    await ctx.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, 'challenge'), eq(schema.auditEvents.entityId, id)))
      .orderBy(asc(schema.auditEvents.seq))
  ).map((e) => [e.action, e.fromState, e.toState, e.reason]);
const notesOfKind = async (kind: string, challengeId: string) =>
  (await ctx.handle.db.select().from(schema.notifications).where(eq(schema.notifications.kind, kind))).filter(
    (n) => (n.data as { challengeId?: string } | null)?.challengeId === challengeId,
  );

async function draft(overrides: Parameters<typeof challengeInput>[0] = {}) {
  const res = await owner.post('/api/v1/challenges', challengeInput(overrides, ctx.services.now()));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}
async function move(c: Client, id: string, action: string, reason?: string) {
  return c.post(`/api/v1/challenges/${id}/transitions`, { action, reason });
}
async function openChallenge(overrides: Parameters<typeof challengeInput>[0] = {}) {
  const { id } = await draft(overrides);
  expect((await move(owner, id, 'submit_for_review')).statusCode).toBe(200);
  expect((await move(operator, id, 'approve')).statusCode).toBe(200);
  return id;
}

describe('posting a challenge (发榜)', () => {
  it('stores a draft with the defaults, in 分, seen only by its organisation', async () => {
    const { id } = await draft({ rewardFen: 123_450_000 });
    const mine = await owner.get(`/api/v1/challenges/${id}`);
    expect(mine.json()).toMatchObject({
      status: 'draft',
      rewardFen: 123_450_000,
      canEdit: true,
      allowedActions: ['submit_for_review'],
      eligibility: { maxOpenApplicationsPerOrganization: 3, excludeDishonest: true },
    });
    expect(mine.json().reviewScheme.criteria.map((c: { name: string }) => c.name)).toEqual([
      '技术先进性',
      '方案可行性',
      '实施能力',
      '报价合理性',
    ]);
    for (const c of [anon, outsider, operator]) expect((await c.get(`/api/v1/challenges/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/challenges/${id}/transitions`, { action: 'submit_for_review' })).statusCode).toBe(404);
    expect((await outsider.patch(`/api/v1/challenges/${id}`, challengeInput({ title: '他人的修改尝试' }))).statusCode).toBe(404);
    expect(await auditOf(id)).toEqual([['challenge.created', null, 'draft', null]]);
  });

  it('refuses bad input with 400 naming the field, and stores nothing', async () => {
    const before = await challengeCount();
    const now = ctx.services.now();
    const cases: Array<[Parameters<typeof challengeInput>[0], string]> = [
      [
        {
          milestones: [
            { name: '方案设计', percent: 40, deliverables: '技术方案' },
            { name: '上线验收', percent: 50, deliverables: '系统上线' },
          ],
        },
        'milestones',
      ],
      [{ rewardFen: 0 }, 'rewardFen'],
      [{ rewardFen: 1234.5 }, 'rewardFen'],
      [{ rewardFen: -1 }, 'rewardFen'],
      [{ applicationDeadline: new Date(now.getTime() - 60_000).toISOString() }, 'applicationDeadline'],
      [{ indicators: [] }, 'indicators'],
      [{ mode: { kind: 'horse_race', maxTeams: 1 } }, 'mode.maxTeams'],
    ];
    for (const [overrides, path] of cases) {
      const res = await owner.post('/api/v1/challenges', challengeInput(overrides, now));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(details(res).map((d) => d.path)).toContain(path);
    }
    expect(details(await owner.post('/api/v1/challenges', challengeInput(cases[0]![0], now)))[0]!.message).toBe(
      '各里程碑支付比例之和应为100%，现为90%',
    );
    expect(await challengeCount()).toBe(before);
  });

  it('takes a source need only if it is a published need of the same organisation', async () => {
    const res = await owner.post(
      '/api/v1/challenges',
      challengeInput({ sourceNeedId: '00000000-0000-4000-8000-000000000000' }, ctx.services.now()),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SOURCE_NEED_INVALID');
    expect(details(res)[0]!.path).toBe('sourceNeedId');
  });

  it('goes through the operator’s review: returned with a reason, resubmitted, approved and public; each move audited and told', async () => {
    const { id } = await draft();
    const sent = await move(owner, id, 'submit_for_review');
    expect(sent.json()).toMatchObject({ status: 'pending_review', allowedActions: [] });
    expect(await notesOfKind('challenge.pending_review', id)).toHaveLength(1);
    expect((await operator.get(`/api/v1/challenges/${id}`)).json().allowedActions).toEqual(['approve', 'return', 'terminate']);
    expect((await anon.get(`/api/v1/challenges/${id}`)).statusCode).toBe(404);
    expect((await move(owner, id, 'approve')).statusCode).toBe(403);

    const noReason = await move(operator, id, 'return');
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const returned = await move(operator, id, 'return', '考核指标缺少测量方法的细节');
    expect(returned.json()).toMatchObject({ status: 'draft', statusReason: '考核指标缺少测量方法的细节' });
    const note = (await notesOfKind('challenge.returned', id))[0]!;
    expect(note.body).toContain('考核指标缺少测量方法的细节');
    // Returned once submitted: the operator still sees it.
    expect((await operator.get(`/api/v1/challenges/${id}`)).statusCode).toBe(200);

    expect((await move(owner, id, 'submit_for_review')).statusCode).toBe(200);
    const approved = await move(operator, id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'open', acceptingApplications: true, statusReason: null });
    expect(await notesOfKind('challenge.approved', id)).not.toHaveLength(0);
    expect((await anon.get(`/api/v1/challenges/${id}`)).json().status).toBe('open');
    const listed = (await anon.get('/api/v1/challenges?pageSize=100')).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(id);

    expect(await auditOf(id)).toEqual([
      ['challenge.created', null, 'draft', null],
      ['challenge.submit_for_review', 'draft', 'pending_review', null],
      ['challenge.return', 'pending_review', 'draft', '考核指标缺少测量方法的细节'],
      ['challenge.submit_for_review', 'draft', 'pending_review', null],
      ['challenge.approve', 'pending_review', 'open', null],
    ]);
  });

  it('editing an open challenge needs a change note, records what changed and sends it back to review', async () => {
    const id = await openChallenge();
    const input = challengeInput({ rewardFen: 600_000_000 }, ctx.services.now());
    const stored = (await owner.get(`/api/v1/challenges/${id}`)).json();
    const refused = await owner.patch(`/api/v1/challenges/${id}`, input);
    expect(refused.json().error.code).toBe('REASON_REQUIRED');
    expect((await owner.get(`/api/v1/challenges/${id}`)).json()).toEqual(stored);

    const res = await owner.patch(`/api/v1/challenges/${id}`, { ...input, changeNote: '榜单金额提高到600万元' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'pending_review',
      rewardFen: 600_000_000,
      changeSummary: { note: '榜单金额提高到600万元', fields: ['rewardFen'] },
    });
    expect((await anon.get(`/api/v1/challenges/${id}`)).statusCode).toBe(404);
    expect((await notesOfKind('challenge.pending_review', id)).length).toBe(2);
    expect((await auditOf(id)).slice(-2)).toEqual([
      ['challenge.updated', null, null, null],
      ['challenge.revise', 'open', 'pending_review', '榜单金额提高到600万元'],
    ]);
    expect((await move(owner, id, 'revise', '绕过编辑')).json().error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('tells whoever is applying what changed when an open challenge is edited, and no one else', async () => {
    const id = await openChallenge();
    const applicant = await orgUser(ctx);
    const bystander = await orgUser(ctx);
    const drafted = await applicant.client.post(`/api/v1/challenges/${id}/applications`, {
      plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现二十类缺陷的在线检测与分类。',
      teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
      quoteFen: 480_000_000,
      schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-09-30' }],
      memberOrganizationIds: [],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const input = challengeInput({ rewardFen: 450_000_000 }, ctx.services.now());
    expect((await owner.patch(`/api/v1/challenges/${id}`, { ...input, changeNote: '榜单金额调整为450万元' })).statusCode).toBe(200);
    const told = await notesOfKind('challenge.changed', id);
    expect(told.map((n) => n.userId)).toEqual([applicant.user.id]);
    expect(told[0]!.body).toContain('榜单金额调整为450万元');
    expect(told[0]!.body).toContain('榜单金额');
    expect(told.some((n) => n.userId === bystander.user.id)).toBe(false);
  });

  it('refuses to open a challenge whose deadline has passed by server time', async () => {
    const now = ctx.services.now();
    const { id } = await draft({ applicationDeadline: new Date(now.getTime() + 3600_000).toISOString() });
    expect((await move(owner, id, 'submit_for_review')).statusCode).toBe(200);
    ctx.setNow(new Date(now.getTime() + 2 * 3600_000));
    try {
      const res = await move(operator, id, 'approve');
      expect(res.statusCode).toBe(400);
      expect(details(res)).toEqual([{ path: 'applicationDeadline', message: '申报截止时间须晚于当前时间' }]);
      expect((await operator.get(`/api/v1/challenges/${id}`)).json().status).toBe('pending_review');
    } finally {
      ctx.setNow(now);
    }
  });
});

describe('the clock closes open challenges at the deadline', () => {
  it('closes at the deadline, not before, audited as the clock', async () => {
    const now = ctx.services.now();
    const deadline = new Date(now.getTime() + 3 * 86400_000);
    const id = await openChallenge({ applicationDeadline: deadline.toISOString() });
    try {
      ctx.setNow(new Date(deadline.getTime() - 1000));
      await closeChallengesByClock({ services: ctx.services });
      expect((await anon.get(`/api/v1/challenges/${id}`)).json()).toMatchObject({ status: 'open', acceptingApplications: true });
      ctx.setNow(deadline);
      expect((await anon.get(`/api/v1/challenges/${id}`)).json().acceptingApplications).toBe(false);
      await closeChallengesByClock({ services: ctx.services });
      const closed = (await anon.get(`/api/v1/challenges/${id}`)).json();
      expect(closed).toMatchObject({ status: 'closed', closedAt: deadline.toISOString() });
      expect((await auditOf(id)).at(-1)).toEqual(['challenge.close', 'open', 'closed', 'clock']);
      // A second run finds nothing to do.
      await closeChallengesByClock({ services: ctx.services });
      expect((await auditOf(id)).filter(([a]) => a === 'challenge.close')).toHaveLength(1);
    } finally {
      ctx.setNow(now);
    }
  });
});

describe('the list', () => {
  it('shows the owner its own drafts and everyone the open ones; mine=true narrows to the organisation', async () => {
    const { id: myDraft } = await draft({ title: '列表测试草稿榜单' });
    const open = await openChallenge({ title: '列表测试揭榜中榜单' });
    const ids = async (c: Client, q = '') =>
      (await c.get(`/api/v1/challenges?pageSize=100${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids(owner)).toEqual(expect.arrayContaining([myDraft, open]));
    expect(await ids(outsider)).toContain(open);
    expect(await ids(outsider)).not.toContain(myDraft);
    expect(await ids(operator)).not.toContain(myDraft);
    expect(await ids(outsider, '&mine=true')).not.toContain(open);
    expect(await ids(anon, '&status=draft')).toEqual([]);
    expect(ownerOrg.id).toBeTruthy();
  });
});
