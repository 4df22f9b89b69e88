/**
 * The whole submission journey through the real UI in Chromium:
 * operator opens a call → a new organisation registers → operator approves it →
 * the organisation fills, drafts, attaches and submits a scenario need → operator reviews it
 * and verifies the audit hash chain.
 *
 * One server (PGlite, demo data) and one browser for the file. Steps share state and run in order;
 * after a failed step the later ones are skipped. Every step leaves `failure-<step>.png` when it fails.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijing, tempFile, tinyPdf, uniqueCreditCode } from './fixtures.js';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';
import { confirm, field, menu, pickOption, rowId } from './ui.js';

const OPERATOR = { email: 'operator@cqaiscene.example.cn', password: 'Demo2026pass' };
const TIMEOUT = 20_000;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: TIMEOUT, interval: 250 });

const stamp = Date.now();
const suffix = stamp.toString(36).toUpperCase();
const CALL_TITLE = '2026年第4批人工智能应用场景需求征集（E2E）';
const codes = uniqueCreditCode(stamp);
const ORG = {
  name: `重庆渝北智算E2E科技有限公司${suffix}`,
  creditCode: codes.valid,
  kind: '人工智能企业',
  region: '重庆市渝北区',
  address: '重庆市渝北区星光大道88号3栋12楼',
  contactName: '李晓明',
  contactPhone: '13983000000',
  adminEmail: `e2e-admin-${stamp}@yubei-ai.example.cn`,
  adminName: '赵雨桐',
  adminPassword: 'E2eJourney2026',
};
const NEED_TITLE = `社区消防通道占用AI识别场景需求（E2E ${suffix}）`;
const PDF_NAME = '场景需求说明材料.pdf';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** API answers ≥ 400 and page errors, shown with a failing step. */
const problems: string[] = [];
const pageErrors: string[] = [];
let broken: string | null = null;
const state: { callId?: string; orgId?: string; submissionId?: string } = {};

/** Runs one step; on failure saves `failure-<name>.png` and makes the later steps skip. */
async function step(name: string, skip: (note?: string) => void, body: () => Promise<void>): Promise<void> {
  if (broken) skip(`an earlier step failed (${broken})`);
  try {
    await body();
  } catch (e) {
    broken = name;
    await screenshot(page, `failure-${name}`).catch(() => undefined);
    const recent = problems.slice(-8);
    if (recent.length && e instanceof Error) e.message += `\n\nRecent API errors / page errors:\n${recent.join('\n')}`;
    throw e;
  }
}

/**
 * A named screenshot without the antd toasts: they outlive a log-out by a few seconds and would
 * cover the previous user's page content in the picture.
 */
async function shot(name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  try {
    await screenshot(page, name);
  } finally {
    await style.evaluate((el) => (el as Element).remove());
  }
}

async function login(email: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

async function logout(): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-email').waitFor();
}

describe('submission journey (browser)', () => {
  beforeAll(async () => {
    // Started together; whichever came up is kept for afterAll even if the other failed.
    const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (s.status === 'fulfilled') server = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.setDefaultNavigationTimeout(30_000);
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    page.on('pageerror', (e) => {
      pageErrors.push(e.message);
      problems.push(`pageerror: ${e.message}`);
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('1. the operator creates a scenario-need call and opens it', async ({ skip }) => {
    await step('01-call', skip, async () => {
      await page.goto(`${server.url}/login`);
      await login(OPERATOR.email, OPERATOR.password);
      await menu(page, '征集管理');
      await page.getByTestId('call-create').click();
      await page.getByRole('heading', { name: '新建征集' }).waitFor();

      await page.getByTestId('call-title').fill(CALL_TITLE);
      await page
        .getByTestId('call-description')
        .fill('面向全市征集人工智能在城市治理、智能制造、医疗健康等领域的应用场景需求，由运营方组织专家评审后发布需求清单。');
      const opens = beijing(Date.now() - 3600_000);
      const closes = beijing(Date.now() + 7 * 24 * 3600_000);
      const start = page.getByPlaceholder('开始时间');
      const end = page.getByPlaceholder('截止时间');
      await start.click();
      await start.fill(opens);
      await start.press('Enter');
      await end.click();
      await end.fill(closes);
      await end.press('Enter');
      await poll(() => start.inputValue()).toBe(opens);
      await poll(() => end.inputValue()).toBe(closes);
      // Default criteria are kept; they add up to 100.
      await poll(() => page.getByTestId('criteria-sum').textContent()).toContain('100 / 100');

      await page.getByTestId('call-save').click();
      await page.waitForURL(/\/calls$/);
      const row = page.locator('tr[data-testid^="call-row-"]').filter({ hasText: CALL_TITLE });
      await row.waitFor();
      state.callId = await rowId(row, 'call-row-');
      await row.locator('[data-testid="status-tag"][data-status="draft"]').waitFor();

      await row.getByTestId('call-action-open').click();
      await confirm(page);
      await row.locator('[data-testid="status-tag"][data-status="open"]').waitFor();
      expect(await row.getByTestId('status-tag').getAttribute('data-status')).toBe('open');
      await shot('01-operator-call-open');
      await logout();
    });
  });

  it('2. a new organisation registers (a wrong check character is refused first)', async ({ skip }) => {
    await step('02-register', skip, async () => {
      const registerPosts: number[] = [];
      const onResponse = (r: Response) => {
        if (r.url().includes('/organizations/register') && r.request().method() === 'POST') registerPosts.push(r.status());
      };
      page.on('response', onResponse);
      await page.getByTestId('go-register').click();
      await page.getByRole('heading', { name: '机构注册' }).waitFor();

      await page.getByTestId('register-name').fill(ORG.name);
      await page.getByTestId('register-credit-code').fill(codes.wrongCheck);
      await pickOption(page, page.getByTestId('register-kind'), ORG.kind);
      await pickOption(page, page.getByTestId('register-region'), ORG.region, '渝北');
      await page.getByTestId('register-address').fill(ORG.address);
      await page.getByTestId('register-contact-name').fill(ORG.contactName);
      await page.getByTestId('register-contact-phone').fill(ORG.contactPhone);
      await page.getByTestId('register-admin-email').fill(ORG.adminEmail);
      await page.getByTestId('register-admin-name').fill(ORG.adminName);
      await page.getByTestId('register-admin-password').fill(ORG.adminPassword);
      await page.getByTestId('register-admin-password-confirm').fill(ORG.adminPassword);

      await page.getByTestId('register-submit').click();
      await page.getByText('统一社会信用代码校验位不正确，请核对后重新输入').waitFor();
      // Nothing was registered: no success page, no accepted registration request.
      expect(await page.getByTestId('register-success').count()).toBe(0);
      expect(registerPosts.filter((s) => s < 300)).toEqual([]);

      await page.getByTestId('register-credit-code').fill(codes.valid);
      await page.getByTestId('register-submit').click();
      await page.getByTestId('register-success').waitFor();
      expect(await page.getByTestId('register-success').textContent()).toContain(ORG.name);
      // The same e-mail and code were accepted now, so the first try stored nothing.
      expect(registerPosts.filter((s) => s < 300)).toHaveLength(1);
      page.off('response', onResponse);
      await shot('02-registered');
    });
  });

  it('3. the pending organisation sees the banner; the operator approves it', async ({ skip }) => {
    await step('03-approve', skip, async () => {
      await page.getByTestId('register-go-login').click();
      await login(ORG.adminEmail, ORG.adminPassword);
      await page.getByTestId('org-pending-banner').waitFor();
      expect(await page.getByTestId('header-org').textContent()).toContain(ORG.name);
      await logout();

      await login(OPERATOR.email, OPERATOR.password);
      await menu(page, '机构审核');
      const search = field(page.getByTestId('org-filter-q'));
      await search.fill(ORG.name);
      await search.press('Enter');
      const row = page.locator('tr[data-testid^="org-row-"]').filter({ hasText: ORG.name });
      await row.waitFor();
      state.orgId = await rowId(row, 'org-row-');
      await row.locator('[data-testid="status-tag"][data-status="pending"]').waitFor();
      await page.getByTestId(`org-approve-${state.orgId}`).click();
      await confirm(page);
      // The default filter shows pending organisations only: the approved one leaves the list …
      await page.getByTestId(`org-row-${state.orgId}`).waitFor({ state: 'detached' });
      // … and is listed as approved under 已通过.
      await pickOption(page, page.getByTestId('org-filter-status'), '已通过');
      await page.getByTestId(`org-row-${state.orgId}`).locator('[data-testid="status-tag"][data-status="approved"]').waitFor();
      await logout();
    });
  });

  it('4. the organisation fills, drafts, attaches and submits a scenario need', async ({ skip }) => {
    await step('04-submit', skip, async () => {
      await login(ORG.adminEmail, ORG.adminPassword);
      expect(await page.getByTestId('org-pending-banner').count()).toBe(0);
      await page.getByTestId(`call-fill-${state.callId}`).click();
      await page.waitForURL(/\/submissions\/new\?callId=/);
      await page.getByTestId('sub-title').waitFor();
      expect(await page.locator('.ant-descriptions').first().textContent()).toContain(CALL_TITLE);

      await page.getByTestId('sub-title').fill(NEED_TITLE);
      await page
        .getByTestId('sub-description')
        .fill(
          '辖区老旧小区消防通道经常被车辆和杂物占用，人工巡查覆盖不足、发现滞后。拟利用现有监控视频，通过计算机视觉自动识别占用行为并推送物业和网格员处置。',
        );
      await pickOption(page, page.getByTestId('sub-sector'), '城市管理', '城市');
      const tech = page.getByTestId('sub-tech-fields');
      await pickOption(page, tech, '计算机视觉', '视觉');
      await pickOption(page, tech, '数字孪生', '孪生');
      await page.keyboard.press('Escape');
      await pickOption(page, page.getByTestId('sub-region'), ORG.region, '渝北');
      await field(page.getByTestId('sub-budget-min')).fill('50');
      await field(page.getByTestId('sub-budget-max')).fill('200');
      await page.getByTestId('sub-data-openness').getByRole('radio', { name: '按需开放', exact: true }).check();
      await page.getByTestId('sub-site-openness').getByRole('radio', { name: '开放', exact: true }).check();
      await page.getByTestId('sub-expected-outcome').fill('消防通道占用发现时间由平均2小时缩短到5分钟以内，识别准确率不低于95%。');
      await page.getByTestId('sub-contact-name').fill('钱志远');
      await page.getByTestId('sub-contact-phone').fill('023-67891234');
      await page.getByTestId('sub-contact-email').fill(`contact-${stamp}@yubei-ai.example.cn`);

      await page.getByTestId('submission-save-draft').click();
      await page.waitForURL(/\/submissions\/[^/]+\/edit$/);
      state.submissionId = /\/submissions\/([^/]+)\/edit$/.exec(page.url())![1]!;
      await page.locator('[data-testid="status-tag"][data-status="draft"]').waitFor();

      // Attachments live on the detail page. (antd writes two-character button labels as "返 回".)
      await page.getByRole('button', { name: /^返\s*回$/ }).click();
      await page.waitForURL(new RegExp(`/submissions/${state.submissionId}$`));
      await page.getByTestId('attachment-upload').waitFor();
      // The detail page is still loading its other parts (history, menu abilities) when the button
      // appears; a file chosen while they re-render the card can land on an input React replaces.
      await page.waitForLoadState('networkidle');
      const list = page.getByTestId('attachment-list');
      // As a user does it: the button opens the file chooser, which fills the input it belongs to.
      const choose = async (file: string) => {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attachment-upload').click()]);
        await chooser.setFiles(file);
      };

      await choose(tempFile(PDF_NAME, tinyPdf()));
      await list.getByText(PDF_NAME).waitFor();

      await choose(tempFile('fake.pdf', '这不是PDF文件，只是一段伪装成PDF的文本。\n'));
      const err = page.getByTestId('attachment-error');
      await err.waitFor();
      expect(await err.textContent()).toContain('仅支持PDF、DOCX、XLSX、PNG、JPG文件');
      expect(problems.some((p) => p.startsWith('415 POST') && p.includes('/attachments'))).toBe(true);
      await poll(() => list.locator('[data-testid^="attachment-download-"]').count()).toBe(1);

      await page.getByTestId('submission-action-submit').click();
      await page.locator('[data-testid="status-tag"][data-status="submitted"]').waitFor();
      await page.getByTestId('history-timeline').getByText('提交', { exact: true }).waitFor();
      await shot('03-submitted');
      await logout();
    });
  });

  it('5. the operator finds the submission and verifies the audit chain', async ({ skip }) => {
    await step('05-operator', skip, async () => {
      await login(OPERATOR.email, OPERATOR.password);
      await menu(page, '填报记录');
      const q = field(page.getByTestId('submission-filter-q'));
      await q.fill(NEED_TITLE);
      await q.press('Enter');
      await page.waitForURL(/[?&]q=/);
      const row = page.locator(`[data-testid="submission-row-${state.submissionId}"]`);
      await row.waitFor();
      await poll(() => page.locator('tr[data-testid^="submission-row-"]').count()).toBe(1);
      expect(await row.textContent()).toContain(ORG.name);
      await row.getByTestId('submission-link').click();
      await page.waitForURL(new RegExp(`/submissions/${state.submissionId}$`));
      await page.getByRole('heading', { name: NEED_TITLE }).waitFor();
      await page.locator('[data-testid="status-tag"][data-status="submitted"]').waitFor();

      await page.locator('.ant-descriptions-item').filter({ hasText: '填报单位' }).filter({ hasText: ORG.name }).waitFor();
      await page.getByTestId('attachment-list').getByText(PDF_NAME).waitFor();
      const timeline = page.getByTestId('history-timeline');
      await timeline.getByText('提交', { exact: true }).waitFor();
      await poll(() => timeline.locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(2);
      // Operators neither edit nor upload.
      expect(await page.getByTestId('attachment-upload').count()).toBe(0);
      await shot('04-operator-sees-submission');

      await menu(page, '审计日志');
      await page.locator('[data-testid^="audit-row-"]').first().waitFor();
      await page.getByTestId('verify-chain').click();
      await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
      expect(await page.getByTestId('verify-result').textContent()).toContain('哈希链校验通过');
      await shot('05-audit-verified');
      expect(pageErrors).toEqual([]);
    });
  });
});
