/**
 * The logged-in app on a phone (390×844): for every role (operator, an enterprise's admin, the
 * admin of an organisation still under review, reviewer, broker) the home page, one list and one
 * form (and the 揭榜 lists of the enterprise and the reviewer) — screenshots under e2e/screenshots/phone-*.png (and desktop-*.png at 1440×900 to compare),
 * with what a phone needs checked on each: the header keeps names on one line above the page
 * title, the page never scrolls sideways, the menu is a drawer opened by a button, forms are one
 * column, wide tables say they scroll. Then the menu by role and organisation status, and one
 * state message at a time where the issue found three at once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppAccounts, DESKTOP, loggedIn, open, PHONE, type AppAccounts, type RoleKey } from './app-accounts.js';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: Browser;
let accounts: AppAccounts;
const contexts: BrowserContext[] = [];

interface AppPage {
  name: string;
  path: () => string;
  title: string;
  form?: boolean;
}

const PAGES: Record<RoleKey, AppPage[]> = {
  operator: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/submissions', title: '填报记录' },
    { name: 'form', path: () => '/calls/new', title: '新建征集', form: true },
  ],
  enterprise: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/calls', title: '在线征集' },
    { name: 'form', path: () => `/submissions/new?callId=${accounts.openCallId}`, title: '填报场景需求', form: true },
    { name: 'applications', path: () => '/applications', title: '我的揭榜申报' },
  ],
  pending: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/calls', title: '在线征集' },
    { name: 'form', path: () => '/account/password', title: '修改密码', form: true },
  ],
  reviewer: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/reviews', title: '评审任务' },
    { name: 'form', path: () => '/reviews/relations', title: '关联单位声明', form: true },
    { name: 'app-reviews', path: () => '/application-reviews', title: '揭榜评审任务' },
  ],
  broker: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/search', title: '检索与匹配' },
    { name: 'form', path: () => '/account/password', title: '修改密码', form: true },
  ],
};

/** What each role's menu must and must not offer (the server answers 403 to the latter). */
const MENU: Record<RoleKey, { has: string[]; lacks: string[] }> = {
  operator: { has: ['机构审核', '征集管理', '填报记录', '批量导入', '审计日志'], lacks: ['我的订阅', '评审任务'] },
  enterprise: { has: ['在线征集', '填报记录', '我的订阅', '批量导入'], lacks: ['机构审核', '审计日志'] },
  pending: { has: ['在线征集', '检索与匹配', '修改密码'], lacks: ['填报记录', '我的订阅', '批量导入'] },
  reviewer: { has: ['评审任务', '关联单位声明', '检索与匹配'], lacks: ['填报记录', '我的订阅', '批量导入'] },
  broker: { has: ['检索与匹配', '在线征集'], lacks: ['填报记录', '我的订阅', '批量导入', '机构审核'] },
};

async function phone(role: RoleKey): Promise<Page> {
  const { context, page } = await loggedIn(browser, server.url, accounts.emails[role], PHONE);
  contexts.push(context);
  return page;
}

/** Toasts outlive navigation and would cover the picture. */
async function shot(page: Page, name: string): Promise<void> {
  // Drawers and popovers slide in: picture them once they are in place.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  await screenshot(page, name);
  await style.evaluate((el) => (el as Element).remove());
}

type Box = { x: number; y: number; width: number; height: number };
async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).filter({ visible: true }).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

async function checkPhoneLayout(page: Page, where: string, form: boolean): Promise<void> {
  // The page itself never scrolls sideways (tables scroll inside their own box).
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc, `${where}: page wider than the screen`).toBeLessThanOrEqual(widths.view);
  expect(await page.locator('.ant-layout-sider').filter({ visible: true }).count(), `${where}: icon strip shown`).toBe(0);
  expect(await page.getByTestId('nav-toggle').isVisible(), `${where}: no menu button`).toBe(true);
  // The header is one row: the organisation's name stays inside it, the page title below it.
  const header = await box(page, '.ant-layout-header');
  expect(header.height, `${where}: header grew`).toBeLessThanOrEqual(64);
  for (const tid of ['header-org', 'header-user']) {
    const b = await box(page, `[data-testid="${tid}"]`);
    expect(b.y + b.height, `${where}: ${tid} below the header`).toBeLessThanOrEqual(header.y + header.height);
    expect(b.x + b.width, `${where}: ${tid} past the right edge`).toBeLessThanOrEqual(PHONE.width);
  }
  const title = await box(page, 'main h1, main h2, main h3, main .ant-result-title');
  expect(title.y, `${where}: title under the header`).toBeGreaterThanOrEqual(header.y + header.height);
  if (form) {
    // One column: no two fields side by side.
    const items = await page
      .locator('main .ant-form-item')
      .filter({ visible: true })
      .evaluateAll((els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.height > 0)
          .map((r) => ({ top: Math.round(r.top), left: Math.round(r.left), bottom: Math.round(r.bottom) })),
      );
    expect(items.length, `${where}: no form fields`).toBeGreaterThan(0);
    const sideBySide = items.filter((a, i) => items.some((b, j) => j !== i && b.left !== a.left && b.top < a.bottom && a.top < b.bottom));
    expect(sideBySide, `${where}: fields side by side`).toEqual([]);
  }
  // A table wider than the screen says so.
  const tables = await page
    .locator('main .ant-table-content, main .ant-table-body')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  if (tables > 0)
    expect(
      await page.getByTestId('table-scroll-hint').filter({ visible: true }).count(),
      `${where}: wide table without a hint`,
    ).toBeGreaterThan(0);
}

async function menuLabels(page: Page): Promise<string[]> {
  return page.getByTestId('main-menu').filter({ visible: true }).locator('.ant-menu-title-content').allInnerTexts();
}

/** The visible state messages of the page's content: load errors, empty states, warnings. */
async function stateMessages(page: Page): Promise<string[]> {
  return page
    .locator('main')
    .locator('[data-testid="load-error"], .ant-empty, .ant-alert-warning, .ant-result-warning, [data-testid="page-state"]')
    .filter({ visible: true })
    .allInnerTexts();
}

beforeAll(async () => {
  const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
  accounts = await createAppAccounts(server.url);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the logged-in app on a phone', () => {
  for (const role of Object.keys(PAGES) as RoleKey[]) {
    it(`${role}: home, a list and a form at 390×844; the menu is a drawer with what the role may use`, async () => {
      const page = await phone(role);
      for (const p of PAGES[role]) {
        await open(page, server.url, p.path(), p.title);
        await shot(page, `phone-${role}-${p.name}`);
        await checkPhoneLayout(page, `${role} ${p.path()}`, !!p.form);
      }
      await page.getByTestId('nav-toggle').click();
      const drawer = page.locator('.sb-nav-drawer .ant-drawer-body');
      await drawer.getByTestId('main-menu').waitFor();
      await shot(page, `phone-${role}-menu`);
      const labels = await menuLabels(page);
      for (const l of MENU[role].has) expect(labels, `${role} menu`).toContain(l);
      for (const l of MENU[role].lacks) expect(labels, `${role} menu`).not.toContain(l);
      // A menu entry navigates and closes the drawer.
      await drawer.getByText('修改密码', { exact: true }).click();
      await page.getByRole('heading', { name: '修改密码' }).waitFor();
      await drawer.waitFor({ state: 'hidden' });
      // The user's menu holds the name, the roles and the log-out.
      await page.getByTestId('header-user').click();
      await page.getByTestId('logout').filter({ visible: true }).waitFor();
      await shot(page, `phone-${role}-user-menu`);
    });
  }

  it('desktop (1440×900) pictures of the same pages, for comparison; the side menu stays', async () => {
    for (const role of Object.keys(PAGES) as RoleKey[]) {
      const { context, page } = await loggedIn(browser, server.url, accounts.emails[role], DESKTOP);
      contexts.push(context);
      for (const p of PAGES[role]) {
        await open(page, server.url, p.path(), p.title);
        await shot(page, `desktop-${role}-${p.name}`);
        expect(await page.getByTestId('main-menu').filter({ visible: true }).count(), `${role} side menu`).toBe(1);
        expect(await page.getByTestId('logout').filter({ visible: true }).count(), `${role} log-out button`).toBe(1);
      }
    }
  });
});

describe('one state message at a time, and only what the role and organisation may use', () => {
  it('a pending organisation: subscriptions, import and submissions say only that review comes first', async () => {
    const page = await phone('pending');
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`);
    });
    for (const [path, title] of [
      ['/subscriptions', '我的订阅'],
      ['/import', '批量导入'],
      ['/submissions', '填报记录'],
    ] as const) {
      await open(page, server.url, path, title);
      await shot(page, `phone-pending-state${path.replace('/', '-')}`);
      const messages = await stateMessages(page);
      expect(messages, path).toHaveLength(1);
      expect(messages[0], path).toContain('审核');
    }
    expect(await page.getByTestId('import-call').count(), 'import form offered').toBe(0);
    expect(await page.getByTestId('subscription-add-profile').count(), 'subscribe offered').toBe(0);
    // Nothing was asked that the server refuses (ORGANIZATION_NOT_APPROVED).
    expect(refused).toEqual([]);
  });

  it('a broker opening 填报记录 by its address gets one message and no 403', async () => {
    const page = await phone('broker');
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`);
    });
    await open(page, server.url, '/submissions', '填报记录');
    await shot(page, 'phone-broker-state-submissions');
    const messages = await stateMessages(page);
    expect(messages).toHaveLength(1);
    expect(messages[0]).not.toContain('加载失败');
    expect(messages[0]).not.toContain('在线征集');
    expect(refused).toEqual([]);
  });

  it('an approved enterprise with no subscriptions sees only the empty state', async () => {
    const page = await phone('enterprise');
    await open(page, server.url, '/subscriptions', '我的订阅');
    await shot(page, 'phone-enterprise-subscriptions');
    const messages = await stateMessages(page);
    expect(messages).toHaveLength(1);
    expect(await page.getByTestId('subscriptions-empty').isVisible()).toBe(true);
    await checkPhoneLayout(page, 'enterprise /subscriptions', false);
  });

  it('an approved enterprise with no 揭榜 applications sees one empty state that leads to 揭榜挂帅', async () => {
    const page = await phone('enterprise');
    await open(page, server.url, '/applications', '我的揭榜申报');
    await shot(page, 'phone-enterprise-applications-empty');
    expect(await stateMessages(page)).toHaveLength(1);
    const empty = page.getByTestId('applications-empty');
    expect(await empty.isVisible()).toBe(true);
    await empty.getByRole('link', { name: '揭榜挂帅' }).click();
    await page.getByRole('heading', { name: '揭榜挂帅' }).waitFor();
    await checkPhoneLayout(page, 'enterprise /challenges', false);
  });
});
