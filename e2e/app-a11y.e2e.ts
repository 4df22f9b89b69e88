/**
 * Accessibility of the logged-in app in Chromium with axe-core (the portal has its own check,
 * portal-a11y.e2e.ts): no violation of impact 'serious' or 'critical' on the home page, a list
 * and a form, for the demo operator and the admin of an approved enterprise, at desktop size
 * (1440×900) and on a phone (390×844, where the menu drawer is checked open as well).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppAccounts, DESKTOP, loggedIn, open, PHONE, type AppAccounts } from './app-accounts.js';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';

const BLOCKING = new Set(['serious', 'critical']);

let server: E2eServer;
let browser: Browser;
let accounts: AppAccounts;
const contexts: BrowserContext[] = [];
/** Every page's axe summary, printed at the end (rule id, impact, node count). */
const report: string[] = [];

async function check(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await screenshot(page, `a11y-${name}`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  if (process.env.DEBUG_AXE)
    for (const v of blocking) for (const n of v.nodes) console.log(v.id, n.target.join(' '), n.failureSummary?.split('\n')[1]);
  report.push(
    `${name}: ${results.passes.length} rules passed, ${results.violations.length} violations` +
      (results.violations.length ? ` [${results.violations.map((v) => `${v.id}:${v.impact}×${v.nodes.length}`).join(', ')}]` : ''),
  );
  expect(
    blocking.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
    name,
  ).toEqual([]);
}

const PAGES = {
  operator: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/submissions', title: '填报记录' },
    { name: 'form', path: () => '/calls/new', title: '新建征集' },
  ],
  enterprise: [
    { name: 'home', path: () => '/', title: '工作台' },
    { name: 'list', path: () => '/calls', title: '在线征集' },
    { name: 'form', path: () => `/submissions/new?callId=${accounts.openCallId}`, title: '填报场景需求' },
  ],
} as const;

beforeAll(async () => {
  const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
  accounts = await createAppAccounts(server.url);
});

afterAll(async () => {
  console.log(`axe-core results (logged-in app):\n  ${report.join('\n  ')}`);
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('logged-in app accessibility (axe-core, no serious or critical violations)', () => {
  for (const role of ['operator', 'enterprise'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`${role} at ${size} size: home, a list, a form${size === 'phone' ? ', the menu drawer' : ''}`, async () => {
        const { context, page } = await loggedIn(browser, server.url, accounts.emails[role], viewport);
        contexts.push(context);
        for (const p of PAGES[role]) {
          await open(page, server.url, p.path(), p.title);
          await check(page, `${role}-${size}-${p.name}`);
        }
        if (size === 'phone') {
          await page.getByTestId('nav-toggle').click();
          await page.locator('.sb-nav-drawer').getByTestId('main-menu').waitFor();
          await check(page, `${role}-${size}-menu`);
        }
      });
    }
  }
});
