/**
 * What every browser journey shares: one server and one Chromium page for the whole file, steps
 * that run in order (after a failed step the later ones are skipped and the failure leaves
 * `failure-<step>.png` with the recent API errors in the message), sign-in and sign-out through
 * the login page, and the lifecycle-action buttons with their reason or confirmation dialogs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';
import { confirm, field } from './ui.js';

export const DEMO_PASSWORD = 'Demo2026pass';
export const TIMEOUT = 20_000;
export const poll = <T>(fn: () => Promise<T> | T, timeout = TIMEOUT) => expect.poll(fn, { timeout, interval: 250 });

export class Journey {
  server!: E2eServer;
  browser!: Browser;
  context!: BrowserContext;
  page!: Page;
  readonly problems: string[] = [];
  readonly timings: string[] = [];
  private broken: string | null = null;

  /** Starts the server and the browser together; fails with the first that could not start. */
  async start(viewport = { width: 1440, height: 900 }): Promise<void> {
    const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (s.status === 'fulfilled') this.server = s.value;
    if (b.status === 'fulfilled') this.browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    this.context = await this.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, acceptDownloads: true });
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(TIMEOUT);
    this.page.setDefaultNavigationTimeout(30_000);
    this.page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) this.problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    this.page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
  }

  async stop(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await this.server?.stop().catch(() => undefined);
  }

  get url(): string {
    return this.server.url;
  }

  async step(name: string, skip: (note?: string) => void, body: () => Promise<void>): Promise<void> {
    if (this.broken) skip(`an earlier step failed (${this.broken})`);
    const t0 = Date.now();
    try {
      await body();
      this.timings.push(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      this.broken = name;
      await screenshot(this.page, `failure-${name}`).catch(() => undefined);
      const recent = this.problems.slice(-8);
      if (recent.length && e instanceof Error) e.message += `\n\nRecent API errors / page errors:\n${recent.join('\n')}`;
      throw e;
    }
  }

  /** A screenshot without the transient antd messages. */
  async shot(name: string): Promise<void> {
    const style = await this.page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    try {
      await screenshot(this.page, name);
    } finally {
      await style.evaluate((el) => (el as Element).remove());
    }
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<void> {
    const { page } = this;
    await page.goto(`${this.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user').waitFor();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.waitForURL(/\/login/);
    await this.page.getByTestId('login-email').waitFor();
  }

  /** Signs in as `email` (signing out whoever was signed in) and opens `path`. */
  async as(email: string, path: string): Promise<void> {
    if (await this.page.getByTestId('logout').isVisible()) await this.logout();
    await this.login(email);
    await this.page.goto(`${this.url}${path}`);
  }

  /**
   * Clicks a lifecycle action button (ActionButtons): with a reason, fills the reason dialog; else
   * confirms the Popconfirm when the action asks for one (CONFIRM_ACTIONS in the web's labels).
   */
  async act(testId: string, reason?: string): Promise<void> {
    const { page } = this;
    await page.getByTestId(testId).click();
    if (reason) {
      await field(page.getByTestId('reason-input')).fill(reason);
      await page.getByTestId('reason-confirm').click();
      return;
    }
    const ok = page.getByTestId('confirm-ok').filter({ visible: true });
    if (
      await ok.waitFor({ timeout: 1500 }).then(
        () => true,
        () => false,
      )
    )
      await confirm(page);
  }
}
