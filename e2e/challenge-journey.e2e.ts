/**
 * The 揭榜挂帅 journey through the real UI in Chromium (issue 13):
 * 1. the owner posts a challenge in the form and the operator approves it;
 * 2. two suppliers apply, one of them as a consortium whose member confirms its place;
 * 3. the operator closes the challenge, reviewers score it, the operator shortlists and proposes the winner;
 * 4. it goes to 公示, an organisation lodges an objection and the operator dismisses it;
 * 5. the clock passes the 公示 period and the award becomes final;
 * 6. the winner delivers the milestones, the owner and an expert accept them;
 * 7. the operator publishes the accepted case in a 标杆案例清单 that an anonymous visitor finds.
 *
 * Organisations are registered through the API (registration has its own journey); what the
 * issue names as user steps happens in the browser. The server runs with SCENEBRIDGE_TIME_TRAVEL=on
 * so the 公示 period can pass (POST /api/v1/dev/clock, audited). Steps share state and run in
 * order; after a failed step the later ones are skipped, each failure leaves `failure-<step>.png`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijing, uniqueCreditCode } from './fixtures.js';
import { screenshot, type E2eServer } from './harness.js';
import { Journey, poll } from './journey.js';
import { api, apiLogin, type Session } from './review-helpers.js';
import { field } from './ui.js';

const PASSWORD = 'Demo2026pass';
const OPERATOR = 'operator@cqaiscene.example.cn';
const REVIEWERS = [1, 2, 3].map((n) => `reviewer${n}@cqaiscene.example.cn`);

const STAMP = Date.now();
const SUFFIX = STAMP.toString(36).toUpperCase();
const TITLE = `智能仓储无人叉车调度揭榜（E2E${SUFFIX}）`;

interface Org {
  id: string;
  email: string;
  name: string;
}

const journey = new Journey();
let server: E2eServer;
let page: Page;
let operator: Session;
const step = journey.step.bind(journey);
const shot = journey.shot.bind(journey);
const as = journey.as.bind(journey);
const act = journey.act.bind(journey);

/** A demo need owner with published scenario needs: the challenge is posted from one of them. */
const OWNER = 'admin+6@beibei-wjw.example.cn';
const orgs: Partial<Record<'leadA' | 'member' | 'leadB' | 'objector', Org>> = {};
const state: {
  needId?: string;
  needTitle?: string;
  challengeId?: string;
  applicationA?: string;
  applicationB?: string;
  publicityId?: string;
  awardId?: string;
} = {};

async function registerOrg(n: number, name: string): Promise<Org> {
  const email = `e2e-ch-${n}-${STAMP}@e2e-jiebang.example.cn`;
  const r = await api<{ organization: { id: string } }>(server.url, null, 'POST', '/api/v1/organizations/register', {
    name,
    creditCode: uniqueCreditCode(STAMP + n).valid,
    kind: 'private_enterprise',
    regionCode: '500112',
    address: '重庆市渝北区金开大道99号',
    contactName: '周文涛',
    contactPhone: '13983001234',
    admin: { email, displayName: `揭榜测试${n}`, password: PASSWORD },
  });
  await api(server.url, operator, 'POST', `/api/v1/organizations/${r.organization.id}/transitions`, { action: 'approve' });
  return { id: r.organization.id, email, name };
}

describe('揭榜挂帅 journey (browser)', () => {
  beforeAll(async () => {
    await journey.start();
    ({ server, page } = journey);
    operator = await apiLogin(server.url, OPERATOR, PASSWORD);
    // The 公示 counts working days (and the clock moves ten days on): a year the platform does not
    // ship is maintained here as weekends only, so the journey runs on any date.
    const year = Number(beijing(Date.now()).slice(0, 4));
    for (const y of [year, year + 1]) {
      const cal = await api<{ status: string; version: number }>(server.url, operator, 'GET', `/api/v1/calendar/${y}`);
      if (cal.status === 'missing') {
        await api(server.url, operator, 'PUT', `/api/v1/calendar/${y}`, {
          version: cal.version,
          reason: '浏览器测试：仅按周末计',
          holidays: [],
          workdays: [],
        });
      }
    }
    const owner = await apiLogin(server.url, OWNER, PASSWORD);
    const needs = await api<{ items: { id: string; title: string }[] }>(
      server.url,
      owner,
      'GET',
      '/api/v1/submissions?listType=scenario_need&status=published&pageSize=5',
    );
    if (!needs.items[0]) throw new Error(`${OWNER} has no published need in the demo data`);
    state.needId = needs.items[0].id;
    state.needTitle = needs.items[0].title;
    orgs.leadA = await registerOrg(2, `重庆视觉智能装备科技有限公司（E2E${SUFFIX}）`);
    orgs.member = await registerOrg(3, `重庆邮电大学智能控制实验室（E2E${SUFFIX}）`);
    orgs.leadB = await registerOrg(4, `重庆云枢机器人有限公司（E2E${SUFFIX}）`);
    orgs.objector = await registerOrg(5, `重庆仓配自动化集成有限公司（E2E${SUFFIX}）`);
  });

  afterAll(async () => {
    console.log(`step times:\n  ${journey.timings.join('\n  ')}`);
    await journey.stop();
  });

  it('1. the owner posts a challenge and the operator approves it', async ({ skip }) => {
    await step('c1-post', skip, async () => {
      // From the owner's published need: 以此需求发榜 starts the form with the need linked.
      await as(OWNER, `/submissions/${state.needId}`);
      await page.getByTestId('submission-post-challenge').click();
      await page.getByTestId('challenge-form').waitFor();
      await page.getByTestId('challenge-source-need').filter({ hasText: state.needTitle! }).waitFor();
      await field(page.getByTestId('challenge-title')).fill(TITLE);
      await field(page.getByTestId('challenge-problem')).clear();
      await field(page.getByTestId('challenge-problem')).fill(
        '园区三座立体仓库共有四十台叉车，人工调度导致拥堵和空驶率高，需要一套无人叉车协同调度系统，实现任务自动分配与路径规划。',
      );
      await field(page.getByTestId('challenge-indicator-name-0')).fill('空驶率');
      await field(page.getByTestId('challenge-indicator-target-0')).fill('≤15');
      await field(page.getByTestId('challenge-indicator-unit-0')).fill('%');
      await field(page.getByTestId('challenge-indicator-method-0')).fill('连续运行30天，按调度日志统计空驶里程占比');
      await field(page.getByTestId('challenge-reward')).fill('300');
      await field(page.getByTestId('challenge-milestone-deliverables-0')).fill('调度系统设计方案与仿真验证报告');
      await field(page.getByTestId('challenge-milestone-deliverables-1')).fill('系统上线运行并通过现场验收');
      const deadline = page.getByTestId('challenge-deadline');
      await field(deadline).click();
      await field(deadline).fill(beijing(Date.now() + 3 * 86400_000).slice(0, 16));
      // The picker's own OK: Enter would also submit the form, and the save below would post it again.
      await page.locator('.ant-picker-dropdown .ant-picker-ok button').filter({ visible: true }).click();
      await page.getByTestId('challenge-save').click();
      await page.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
      state.challengeId = page.url().split('/').pop()!;
      await act('challenge-action-submit_for_review');
      await page.locator('[data-testid="status-tag"][data-status="pending_review"]').waitFor();

      await as(OPERATOR, `/challenges/${state.challengeId}`);
      await act('challenge-action-approve');
      await page.locator('[data-testid="status-tag"][data-status="open"]').waitFor();
      await shot('c1-approved');
    });
  });

  it('2. two suppliers apply, one as a consortium whose member confirms', async ({ skip }) => {
    await step('c2-apply', skip, async () => {
      await as(orgs.leadA!.email, `/challenges/${state.challengeId}`);
      await page.getByTestId('challenge-apply').click();
      await page.getByTestId('application-form').waitFor();
      await field(page.getByTestId('application-plan')).fill(
        '基于多智能体强化学习的叉车任务分配与时空路径规划，结合园区数字孪生进行仿真验证，分两期上线。',
      );
      await field(page.getByTestId('application-leader-name')).fill('陈思远');
      await field(page.getByTestId('application-leader-title')).fill('技术总监');
      await field(page.getByTestId('application-leader-phone')).fill('13983005678');
      await field(page.getByTestId('application-quote')).fill('280');
      // Members first: Enter in the date pickers below would submit the form.
      const members = page.getByTestId('application-members');
      await members.click();
      await field(members).pressSequentially(orgs.member!.name.slice(0, 8), { delay: 20 });
      await page.locator('.ant-select-item-option').filter({ hasText: orgs.member!.name }).click();
      await page.keyboard.press('Escape');
      for (const [i, days] of [
        [0, 90],
        [1, 300],
      ] as const) {
        const picker = field(page.getByTestId(`application-schedule-${i}`));
        await picker.click();
        await picker.fill(beijing(Date.now() + days * 86400_000).slice(0, 10));
        await picker.press('Tab');
      }
      await page.getByTestId('application-save').click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      state.applicationA = page.url().split('/').pop()!;
      await page.getByTestId('application-pending-members').waitFor();

      await as(orgs.member!.email, `/applications/${state.applicationA}`);
      await page.getByTestId('membership-confirm').click();
      await page.locator('[data-testid="member-status"][data-status="confirmed"]').first().waitFor();

      await as(orgs.leadA!.email, `/applications/${state.applicationA}`);
      await act('application-action-submit');
      await page.locator('[data-testid="application-status"][data-status="submitted"]').waitFor();
      await shot('c2-submitted');

      // The second supplier applies alone, through the API (the form is the same).
      const b = await apiLogin(server.url, orgs.leadB!.email, PASSWORD);
      const challenge = await api<{ milestones: unknown[] }>(server.url, b, 'GET', `/api/v1/challenges/${state.challengeId}`);
      const drafted = await api<{ id: string }>(server.url, b, 'POST', `/api/v1/challenges/${state.challengeId}/applications`, {
        plan: '采用激光SLAM导航与集中式调度服务器，复用园区现有WMS接口，分阶段替换人工调度。',
        teamLeader: { name: '吴静', title: '项目经理', phone: '13983009876' },
        quoteFen: 290_000_000,
        schedule: challenge.milestones.map((_, i) => ({ plannedDate: beijing(Date.now() + (120 + i * 200) * 86400_000).slice(0, 10) })),
        memberOrganizationIds: [],
      });
      state.applicationB = drafted.id;
      await api(server.url, b, 'POST', `/api/v1/applications/${drafted.id}/transitions`, { action: 'submit' });
      await poll(async () => {
        const list = await api<{ items: { id: string; status: string }[] }>(
          server.url,
          operator,
          'GET',
          `/api/v1/challenges/${state.challengeId}/applications`,
        );
        return list.items.filter((a) => a.status === 'submitted').length;
      }).toBe(2);
    });
  });
  it('3. the operator closes it and starts the review; reviewers score; the operator shortlists both and proposes the best', async ({
    skip,
  }) => {
    await step('c3-review', skip, async () => {
      const id = state.challengeId!;
      await as(OPERATOR, `/challenges/${id}`);
      await act('challenge-action-close');
      await page.locator('[data-testid="status-tag"][data-status="closed"]').waitFor();
      await act('challenge-action-start_review');
      await page.locator('[data-testid="status-tag"][data-status="under_review"]').waitFor();
      await page.getByTestId('challenge-review').click();
      await page.waitForURL(new RegExp(`/challenges/${id}/review$`));
      await field(page.getByTestId('assign-k')).fill('3');
      await page.getByTestId('assign-auto').click();
      const rowA = page.getByTestId(`ranking-row-${state.applicationA}`);
      await poll(async () => (await rowA.textContent())?.includes('0 / 3')).toBe(true);

      // Reviewer 1 scores the consortium's application in the form; the other five scores go through the API.
      const criteria = (
        await api<{ reviewScheme: { criteria: { key: string }[] } }>(server.url, operator, 'GET', `/api/v1/challenges/${id}`)
      ).reviewScheme.criteria;
      const tasks = async (email: string) => {
        const session = await apiLogin(server.url, email, PASSWORD);
        const mine = await api<{ items: { id: string; applicationId: string }[] }>(
          server.url,
          session,
          'GET',
          '/api/v1/application-reviews',
        );
        return { session, mine: mine.items };
      };
      const r1 = await tasks(REVIEWERS[0]!);
      const uiTask = r1.mine.find((t) => t.applicationId === state.applicationA)!;
      await as(REVIEWERS[0]!, `/application-reviews/${uiTask.id}`);
      await page.getByTestId('app-review-form').waitFor();
      for (const c of criteria) await field(page.getByTestId(`app-review-score-${c.key}`)).fill('92');
      await page.getByTestId('app-review-submit').click();
      await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await page.getByTestId('app-review-submit').waitFor({ state: 'detached' });
      await poll(async () => (await page.getByTestId('app-review-total').textContent())?.trim()).toBe('92.00');
      const flat = (n: number) => Object.fromEntries(criteria.map((c) => [c.key, n]));
      for (const [i, email] of REVIEWERS.entries()) {
        const { session, mine } = i === 0 ? r1 : await tasks(email);
        for (const t of mine.filter((x) => x.id !== uiTask.id)) {
          const score = t.applicationId === state.applicationA ? 88 + i : 70 + i;
          await api(server.url, session, 'PUT', `/api/v1/application-reviews/${t.id}`, { scores: flat(score), submit: true });
        }
      }

      await as(OPERATOR, `/challenges/${id}/review`);
      const order = async () =>
        (await page.locator('tr[data-testid^="ranking-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!))).map(
          (t) => t.slice('ranking-row-'.length),
        );
      await poll(order).toEqual([state.applicationA, state.applicationB]);
      await act(`ranking-action-shortlist-${state.applicationA}`);
      await rowA.locator('[data-testid="application-status"][data-status="shortlisted"]').waitFor();
      await act(`ranking-action-shortlist-${state.applicationB}`);
      await page
        .getByTestId(`ranking-row-${state.applicationB}`)
        .locator('[data-testid="application-status"][data-status="shortlisted"]')
        .waitFor();
      await act(`ranking-action-propose-${state.applicationA}`);
      await rowA.locator('[data-testid="application-status"][data-status="proposed"]').waitFor();
      await shot('c3-proposed');
    });
  });
  it('4. the proposed winner goes to 公示; an organisation objects and the operator dismisses it', async ({ skip }) => {
    await step('c4-publicity', skip, async () => {
      await page.goto(`${server.url}/challenges/${state.challengeId}`);
      await page.getByTestId('challenge-award-publicity').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').filter({ visible: true }).click();
      await page.waitForURL(/\/publicity\/[0-9a-f-]{36}$/);
      state.publicityId = page.url().split('/').pop()!;
      await act('publicity-start');
      await page.locator('[data-testid="status-tag"][data-status="running"]').waitFor();

      await as(orgs.objector!.email, `/publicity/${state.publicityId}`);
      await page.getByTestId('objection-lodge').click();
      const item = page.getByTestId('objection-item');
      await item.click();
      await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ visible: true }).first().click();
      await field(page.getByTestId('objection-reasons')).fill(
        '拟中榜单位的联合体成员与我单位存在知识产权纠纷，其方案中的调度算法来源存疑。',
      );
      await field(page.getByTestId('objection-contact')).fill('刘洋 13983001111');
      await page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
      await page.locator('[data-testid="objection-status"][data-status="pending"]').first().waitFor();

      await as(OPERATOR, `/publicity/${state.publicityId}`);
      const decide = page.locator('[data-testid^="objection-decide-"]').first();
      await decide.click();
      await field(page.getByTestId('objection-reason')).fill('经核查，调度算法为投标单位自主研发并已取得软件著作权，异议不成立。');
      await page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
      await page.locator('[data-testid="objection-status"][data-status="dismissed"]').first().waitFor();
      await shot('c4-dismissed');
    });
  });

  it('5. when the 公示 period has passed, the award becomes final', async ({ skip }) => {
    await step('c5-final', skip, async () => {
      // Ten days on: past the 5 working days whatever the calendar; the clock job ends and finalises it.
      await api(server.url, operator, 'POST', '/api/v1/dev/clock', { hours: 240 });
      operator = await apiLogin(server.url, OPERATOR, PASSWORD);
      await poll(
        async () => (await api<{ status: string }>(server.url, operator, 'GET', `/api/v1/publicities/${state.publicityId}`)).status,
        60_000,
      ).toBe('final');
      const awards = await api<{ items: { id: string; organizationName: string }[] }>(
        server.url,
        operator,
        'GET',
        `/api/v1/challenges/${state.challengeId}/awards`,
      );
      expect(awards.items.map((a) => a.organizationName)).toEqual([orgs.leadA!.name]);
      state.awardId = awards.items[0]!.id;
      await as(OWNER, `/challenges/${state.challengeId}`);
      await page.locator('[data-testid="status-tag"][data-status="awarded"]').waitFor();
      await page.getByTestId('challenge-winners').filter({ hasText: orgs.leadA!.name }).waitFor();
      await shot('c5-awarded');
    });
  });

  it('6. the owner starts the task agreement; the winner delivers; the owner and an expert accept it', async ({ skip }) => {
    await step('c6-deliver', skip, async () => {
      const award = `/awards/${state.awardId}`;
      const dialog = (kind: string) => page.getByTestId(`award-dialog-${kind}`);
      const ok = async (kind: string) => {
        await dialog(kind).locator('.ant-modal-footer .ant-btn-primary').click();
        await dialog(kind).waitFor({ state: 'hidden' });
      };
      const choose = async (kind: string, label: string, option: string) => {
        await dialog(kind).getByRole('combobox', { name: label }).click();
        await page
          .locator('.ant-select-dropdown .ant-select-item-option')
          .filter({ visible: true })
          .filter({ hasText: option })
          .first()
          .click();
        // A multiple select keeps its list open over the dialog's buttons: close it as a user does.
        await dialog(kind).locator('.ant-modal-title').click();
        await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
      };
      await page.goto(`${server.url}${award}`);
      await page.getByTestId('award-start').click();
      await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await page.getByTestId('award-start').waitFor({ state: 'detached' });

      await as(orgs.leadA!.email, award);
      await page.getByTestId('milestone-deliver-1').click();
      await dialog('deliver')
        .getByRole('textbox', { name: '交付说明' })
        .fill('调度系统设计方案与数字孪生仿真验证报告已上传至项目空间，仿真空驶率12.4%。');
      await ok('deliver');
      await page.getByTestId('milestone-deliver-1').waitFor({ state: 'detached' });

      const expert = await apiLogin(server.url, REVIEWERS[0]!, PASSWORD);
      const me = await api<{ user: { displayName: string } }>(server.url, expert, 'GET', '/api/v1/auth/me');
      await as(OPERATOR, award);
      await page.getByTestId('milestone-assign-1').click();
      await choose('assign', '验收专家', me.user.displayName);
      await ok('assign');

      for (const [email, score] of [
        [OWNER, 90],
        [REVIEWERS[0]!, 88],
      ] as const) {
        await as(email, award);
        await page.getByTestId('milestone-opinion-1').click();
        await choose('opinion', '验收结论', '通过');
        await dialog('opinion').getByRole('spinbutton', { name: '评分（0–100）' }).fill(String(score));
        await ok('opinion');
        await page.getByTestId('milestone-opinion-1').waitFor({ state: 'detached' });
      }
      await page.getByTestId('milestone-row-1').locator('[data-status="passed"]').waitFor();
      await shot('c6-accepted');

      // The last milestone the same way through the API, so the need is accepted as a whole.
      const lead = await apiLogin(server.url, orgs.leadA!.email, PASSWORD);
      const owner = await apiLogin(server.url, OWNER, PASSWORD);
      const detail = await api<{ milestones: { id: string; seq: number }[] }>(server.url, operator, 'GET', `/api/v1${award}`);
      const last = detail.milestones.find((m) => m.seq === 2)!;
      const base = `/api/v1${award}/milestones/${last.id}`;
      await api(server.url, lead, 'POST', `${base}/delivery`, { note: '系统已在三座立体仓库上线运行30天，空驶率13.1%。', links: [] });
      const expertId = (await api<{ user: { id: string } }>(server.url, expert, 'GET', '/api/v1/auth/me')).user.id;
      await api(server.url, operator, 'POST', `${base}/acceptors`, { userIds: [expertId] });
      for (const session of [owner, expert]) {
        await api(server.url, session, 'POST', `${base}/opinions`, { verdict: 'pass', score: 91 });
      }
      await poll(async () => (await api<{ status: string }>(server.url, owner, 'GET', `/api/v1/submissions/${state.needId}`)).status).toBe(
        'accepted',
      );
    });
  });

  it('7. the operator publishes the case in a 标杆案例清单 that an anonymous visitor finds', async ({ skip }) => {
    await step('c7-benchmark', skip, async () => {
      await as(OPERATOR, '/benchmark-cases');
      const row = page.getByTestId('benchmark-accepted').locator('tr').filter({ hasText: state.needTitle! });
      await row.locator('.ant-checkbox-input').check();
      await row.getByTestId('benchmark-results').fill('无人叉车协同调度上线后空驶率由31%降至13%，日均出入库效率提升27%。');
      await page.getByTestId('benchmark-preview').click();
      await page.getByTestId('benchmark-confirm').click();
      await page.locator('.ant-table-row').filter({ hasText: '标杆案例清单' }).first().waitFor();

      const visitor = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      try {
        const v = await visitor.newPage();
        await v.goto(`${server.url}/public/benchmark-batches`);
        await v
          .getByRole('link', { name: /标杆案例清单/ })
          .first()
          .click();
        await v.getByText(state.needTitle!).first().waitFor();
        await v.getByText(orgs.leadA!.name).first().waitFor();
        await screenshot(v, 'c7-public-benchmark');
      } finally {
        await visitor.close();
      }
    });
  });
});
