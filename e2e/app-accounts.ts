/**
 * The logged-in app's accounts for the phone-layout and accessibility journeys: the demo operator,
 * reviewer and broker, plus two organisations registered through the API with deliberately long
 * names (the header must not wrap them over the page title): an enterprise the operator approves
 * and one left pending. Also the open demo scenario-need call, whose form the enterprise opens.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueCreditCode } from './fixtures.js';
import { api, apiLogin } from './review-helpers.js';

export const PASSWORD = 'Demo2026pass';

export type RoleKey = 'operator' | 'enterprise' | 'pending' | 'reviewer' | 'broker';

export interface AppAccounts {
  emails: Record<RoleKey, string>;
  /** An open call organisations fill in (the enterprise's form). */
  openCallId: string;
}

async function registerOrg(baseUrl: string, stamp: number, n: number, name: string): Promise<{ id: string; email: string }> {
  const email = `e2e-app-${n}-${stamp}@liangjiang-zhizao.example.cn`;
  const r = await api<{ organization: { id: string } }>(baseUrl, null, 'POST', '/api/v1/organizations/register', {
    name,
    creditCode: uniqueCreditCode(stamp + n).valid,
    kind: 'private_enterprise',
    regionCode: '500112',
    address: '重庆市渝北区金开大道99号',
    contactName: '周文涛',
    contactPhone: '13983001234',
    admin: { email, displayName: n === 1 ? '欧阳慧琳' : '司马浩然', password: PASSWORD },
  });
  return { id: r.organization.id, email };
}

export async function createAppAccounts(baseUrl: string, stamp = Date.now()): Promise<AppAccounts> {
  const suffix = stamp.toString(36).toUpperCase();
  const operatorEmail = 'operator@cqaiscene.example.cn';
  const operator = await apiLogin(baseUrl, operatorEmail, PASSWORD);
  const enterprise = await registerOrg(baseUrl, stamp, 1, `重庆两江新区智能网联汽车与高端装备制造股份有限公司（E2E${suffix}）`);
  await api(baseUrl, operator, 'POST', `/api/v1/organizations/${enterprise.id}/transitions`, { action: 'approve' });
  const pending = await registerOrg(baseUrl, stamp, 2, `重庆市渝北区人工智能应用场景创新服务中心有限公司（E2E${suffix}）`);
  const calls = await api<{ items: Array<{ id: string; listType: string }> }>(
    baseUrl,
    operator,
    'GET',
    '/api/v1/calls?status=open&pageSize=50',
  );
  const call = calls.items.find((c) => c.listType === 'scenario_need') ?? calls.items[0];
  if (!call) throw new Error('no open demo call');
  return {
    emails: {
      operator: operatorEmail,
      enterprise: enterprise.email,
      pending: pending.email,
      reviewer: 'reviewer1@cqaiscene.example.cn',
      broker: 'broker@cqaiscene.example.cn',
    },
    openCallId: call.id,
  };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** A fresh context of this size, logged in through the login page, on the home page. */
export async function loggedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  return { context, page };
}

/** Opens a path and waits until the page's title is shown and nothing is loading any more. */
export async function open(page: Page, baseUrl: string, path: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('main h1, main h2, main h3, main h4, main .ant-result-title').filter({ hasText: title }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}
