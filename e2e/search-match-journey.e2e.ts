/**
 * The search-and-match journey through the real UI in Chromium:
 * a supplier searches in Chinese → ticks a facet (sector) → opens a published need → sees its
 * matches with their explanations (score parts, shared terms) → expresses interest (意向) with
 * its own capability → the demand owner logs in, sees the unread count on the bell, finds the
 * notification and follows it to the need, where the interest is listed.
 *
 * The data (two organisations, two published needs, one capability) is made through the API in
 * `search-match-setup.ts`. One server (PGlite, demo data) and one browser for the file; steps
 * share state and run in order; a failed step leaves `failure-<step>.png` and skips the rest.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';
import { createJourneyData, type JourneyData } from './search-match-setup.js';

const TIMEOUT = 20_000;
const poll = <T>(fn: () => Promise<T> | T, timeout = TIMEOUT) => expect.poll(fn, { timeout, interval: 250 });
const QUERY = '消防通道 占用';
const MESSAGE = '我们已在江北区12个小区部署同类系统，可先在贵街道选一个小区免费试点。';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let data: JourneyData;
const problems: string[] = [];
let broken: string | null = null;

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

/** A named screenshot without the antd toasts (they would cover the page after a log-out). */
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

/** Ids of the results on the page, in order. */
async function resultIds(): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="search-result-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? '').filter((t) => /^search-result-[0-9a-f-]{36}$/.test(t)));
  return ids.map((t) => t.slice('search-result-'.length));
}

describe('search and match journey (browser)', () => {
  beforeAll(async () => {
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
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    data = await createJourneyData(server.url);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('1. the supplier searches in Chinese and sees highlighted results with facet counts', async ({ skip }) => {
    await step('01-search', skip, async () => {
      await page.goto(`${server.url}/login`);
      await login(data.supplier.email, data.supplier.password);
      await page.getByTestId('main-menu').getByText('检索与匹配', { exact: true }).click();
      await page.getByRole('heading', { name: '检索与匹配' }).waitFor();

      const input = page.getByTestId('search-input').locator('input');
      await input.fill(QUERY);
      await input.press('Enter');
      await page.waitForURL(/[?&]q=/);
      // Both published needs and the supplier's own capability carry 消防通道.
      await page.getByTestId(`search-result-${data.needId}`).waitFor();
      await page.getByTestId(`search-result-${data.otherNeedId}`).waitFor();
      await page.getByTestId(`search-result-${data.capabilityId}`).waitFor();
      const hit = page.getByTestId(`search-result-${data.needId}`);
      // The query words are highlighted in the title.
      const marked = await hit.getByTestId('search-result-link').locator('mark').allTextContents();
      expect(marked.join('')).toContain('消防');
      // Facet counts: 医疗 holds the hospital need; 智慧社区 the community need and the capability
      // (and whatever else the demo data may publish with these words).
      const facetCount = async (value: string) =>
        Number(await page.getByTestId('facet-sector').getByTestId(`facet-sector-${value}`).getAttribute('data-count'));
      await page.getByTestId('facet-sector-community').waitFor();
      expect(await facetCount('healthcare')).toBeGreaterThanOrEqual(1);
      expect(await facetCount('community')).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId('facet-sector-community').getByTestId('facet-count').textContent()).toBe(
        String(await facetCount('community')),
      );
      await shot('search-01-results');
    });
  });

  it('2. ticking the sector facet narrows the results', async ({ skip }) => {
    await step('02-facet', skip, async () => {
      const before = Number(await page.getByTestId('search-total').getAttribute('data-total'));
      await page.getByTestId('facet-sector-community').getByRole('checkbox').click();
      await page.waitForURL(/[?&]sector=community/);
      await page.getByTestId(`search-result-${data.otherNeedId}`).waitFor({ state: 'detached' });
      await page.getByTestId(`search-result-${data.needId}`).waitFor();
      const after = Number(await page.getByTestId('search-total').getAttribute('data-total'));
      expect(after).toBeLessThan(before);
      const ids = await resultIds();
      expect(ids).toContain(data.needId);
      expect(ids).not.toContain(data.otherNeedId);
      // The checked facet keeps its count, which is the result total.
      expect(await page.getByTestId('facet-sector-community').getByRole('checkbox').isChecked()).toBe(true);
      expect(after).toBe(Number(await page.getByTestId('facet-sector-community').getAttribute('data-count')));
      await shot('search-02-facet');
    });
  });

  it('3. the supplier opens the need and sees its matches explained', async ({ skip }) => {
    await step('03-matches', skip, async () => {
      await page.getByTestId(`search-result-${data.needId}`).getByTestId('search-result-link').click();
      await page.waitForURL(new RegExp(`/listings/${data.needId}$`));
      await page.getByTestId('listing-title').filter({ hasText: data.needTitle }).waitFor();
      expect(await page.getByTestId('listing-detail').textContent()).toContain(data.demand.name);

      const row = page.getByTestId(`match-row-${data.capabilityId}`);
      await row.waitFor();
      expect(await row.getByTestId('match-link').textContent()).toBe(data.capabilityTitle);
      const score = Number(await row.getByTestId('match-score').textContent());
      expect(score).toBeGreaterThan(0);
      // Every part of the score is shown with its label; together they make the score.
      const labels = { terms: '关键词', sector: '领域', tech: '技术领域', region: '地域', budget: '预算', maturity: '成熟度' };
      let sum = 0;
      for (const [key, label] of Object.entries(labels)) {
        const part = row.getByTestId(`match-part-${key}`);
        await part.waitFor();
        expect(await part.textContent()).toContain(label);
        sum += Number(await part.getAttribute('data-points'));
      }
      expect(Math.abs(sum - score)).toBeLessThanOrEqual(1);
      expect(await row.getByTestId('match-part-sector').textContent()).toContain('智慧社区');
      expect(await row.getByTestId('match-part-region').textContent()).toContain('同在');
      // Shared key terms are listed.
      const terms = await row.getByTestId('match-term').allTextContents();
      expect(terms.length).toBeGreaterThan(0);
      expect(terms.some((t) => t.includes('消防') || t.includes('占用'))).toBe(true);
      await row.getByTestId('match-bar').waitFor();
      await shot('search-03-matches');
    });
  });

  it('4. the supplier expresses interest with its capability', async ({ skip }) => {
    await step('04-interest', skip, async () => {
      const row = page.getByTestId(`match-row-${data.capabilityId}`);
      await row.getByTestId('match-interest').click();
      const confirmBtn = page.getByTestId('interest-confirm');
      await confirmBtn.waitFor();
      // The pair is fixed: this need × the supplier's own capability.
      expect(await page.getByTestId('interest-own-item').textContent()).toContain(data.capabilityTitle);
      await page.getByTestId('interest-message').fill(MESSAGE);
      await shot('search-04-interest-modal');
      const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/interests') && r.request().method() === 'POST');
      await confirmBtn.click();
      expect((await posted).status()).toBe(201);
      await page.getByText('已表达意向，对方和技术经理人将收到通知').waitFor();
      await row.getByTestId('match-interested').waitFor();
      expect(await row.getByTestId('match-interest').count()).toBe(0);
      // The supplier sees its own interest on the need.
      await page.getByTestId('interests-list').getByText(data.supplier.name).waitFor();
      await shot('search-05-interest-sent');
      await logout();
    });
  });

  it('5. the demand owner sees the notification and follows it to the need', async ({ skip }) => {
    await step('05-notified', skip, async () => {
      await login(data.demand.email, data.demand.password);
      const count = page.getByTestId('notification-count');
      await poll(async () => Number(await count.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      await shot('search-06-bell');
      await page.getByTestId('notification-bell').click();
      await page.waitForURL(/\/notifications/);
      await page.getByRole('heading', { name: '通知' }).waitFor();
      const entry = page
        .locator('[data-testid^="notification-row-"]')
        .filter({ hasText: data.supplier.name })
        .filter({ hasText: data.needTitle });
      await entry.waitFor();
      expect(await entry.getAttribute('data-read')).toBe('false');
      expect(await entry.textContent()).toContain(MESSAGE);
      // Unread: 全部标为已读 is offered.
      await page.mouse.move(0, 0);
      await poll(() => page.getByTestId('notifications-read-all').isEnabled()).toBe(true);
      await shot('search-07-notifications');

      // Other notifications (the need's publication) may be unread too: this one counts for one.
      const unreadBefore = Number(await count.getAttribute('data-count'));
      await entry.getByTestId('notification-title').click();
      await page.waitForURL(new RegExp(`/listings/${data.needId}$`));
      await page.getByTestId('listing-title').filter({ hasText: data.needTitle }).waitFor();
      const interest = page.getByTestId('interests-list').locator('[data-testid^="interest-row-"]').filter({ hasText: data.supplier.name });
      await interest.waitFor();
      expect(await interest.textContent()).toContain(MESSAGE);
      // Opening it marked it read: the bell counts one fewer.
      await poll(async () => Number(await count.getAttribute('data-count'))).toBe(unreadBefore - 1);
      await shot('search-08-owner-listing');
    });
  });
});
