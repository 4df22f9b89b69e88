/**
 * Accessibility of the public portal in Chromium with axe-core: no violation of impact
 * 'serious' or 'critical' on the home page, a filtered list, an entry, a batch, the
 * benchmark-case list and the policy library (list, a policy, the measure search, 政策动态).
 *
 * The demo data is seeded but nothing is published, so the test first publishes a batch through
 * the API as the demo operator: the closed demo call → start_review → select a few items → publish.
 * The pages are server-rendered and carry no script at all (checked on every page; their CSP
 * also forbids scripts). JavaScript stays enabled in the browser only because axe-core runs in
 * the page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';

const OPERATOR = { email: 'operator@cqaiscene.example.cn', password: 'Demo2026pass' };
const BLOCKING = new Set(['serious', 'critical']);

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const published: { batchId?: string; entryId?: string; sector?: string } = {};
/** Every page's axe summary, printed at the end (rule id, impact, node count). */
const report: string[] = [];

interface Session {
  cookie: string;
  csrf: string;
}

async function api<T = unknown>(session: Session | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function login(): Promise<Session> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OPERATOR),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie!, csrf: csrfToken };
}

async function publishDemoBatch() {
  const op = await login();
  const calls = await api<{ items: Array<{ id: string; listType: string; status: string }> }>(
    op,
    'GET',
    '/api/v1/calls?status=closed&pageSize=100',
  );
  const call = calls.items.find((c) => c.listType === 'scenario_need') ?? calls.items[0];
  if (!call) throw new Error('no closed demo call');
  await api(op, 'POST', `/api/v1/calls/${call.id}/transitions`, { action: 'start_review' });
  const inReview = await api<{ items: Array<{ id: string }> }>(
    op,
    'GET',
    `/api/v1/submissions?callId=${call.id}&status=in_review&pageSize=100`,
  );
  expect(inReview.items.length).toBeGreaterThan(0);
  const chosen = inReview.items.slice(0, 6).map((s) => s.id);
  await api(op, 'POST', `/api/v1/calls/${call.id}/selection`, { submissionIds: chosen, action: 'select' });
  const batch = await api<{ id: string; entryCount: number }>(op, 'POST', `/api/v1/calls/${call.id}/batches`, {});
  expect(batch.entryCount).toBe(chosen.length);
  const detail = await api<{ entries: Array<{ id: string; seq: number; sector: string }> }>(
    null,
    'GET',
    `/api/v1/public/batches/${batch.id}`,
  );
  published.batchId = batch.id;
  published.entryId = detail.entries[0]!.id;
  published.sector = detail.entries[0]!.sector;
  // One correction, so the erratum markup is checked too.
  await api(op, 'POST', `/api/v1/batches/${batch.id}/entries/${detail.entries[0]!.seq}/corrections`, {
    description: '更正后的场景描述：需求方补充了现场条件与数据开放范围，其余内容不变，特此更正。',
    erratum: '补充现场条件与数据开放范围',
  });
  // And one benchmark case, so its list is not empty: published → awarded → in_delivery → accepted → benchmark.
  const submissionId = (
    await api<{ entries: Array<{ seq: number; submissionId: string }> }>(null, 'GET', `/api/v1/public/batches/${batch.id}`)
  ).entries.at(-1)!.submissionId;
  for (const action of ['award', 'start_delivery', 'accept'])
    await api(op, 'POST', `/api/v1/submissions/${submissionId}/transitions`, { action });
  await api(op, 'POST', `/api/v1/submissions/${submissionId}/benchmark`, {
    resultsText: '项目验收后运行半年，人工巡检工作量下降六成，问题发现时间由天缩短到小时。',
  });
  published.entryId = (
    await api<{ entries: Array<{ id: string; seq: number }> }>(null, 'GET', `/api/v1/public/batches/${batch.id}`)
  ).entries.find((e) => e.seq === detail.entries[0]!.seq)!.id;
}

async function check(name: string, path: string) {
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  await screenshot(page, `portal-${name}`);
  expect(await page.locator('script').count(), `${path} has no script`).toBe(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  report.push(
    `${name} (${path}): ${results.passes.length} rules passed, ${results.violations.length} violations` +
      (results.violations.length ? ` [${results.violations.map((v) => `${v.id}:${v.impact}×${v.nodes.length}`).join(', ')}]` : ''),
  );
  expect(
    blocking.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
    path,
  ).toEqual([]);
  return results;
}

beforeAll(async () => {
  server = await startServer();
  await publishDemoBatch();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  console.log(`axe-core results:\n  ${report.join('\n  ')}`);
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('public portal accessibility (axe-core, no serious or critical violations)', () => {
  it('home page', async () => {
    await check('home', '/public');
    await expect(page.title()).resolves.toContain('场景桥');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator(`a[href="/public/batches/${published.batchId}"]`).count()).toBeGreaterThan(0);
  });

  it('filtered list of scenario needs', async () => {
    await check('needs-filtered', `/public/needs?sector=${published.sector}&batchId=${published.batchId}`);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#f-sector').inputValue()).toBe(published.sector);
  });

  it('keyword search: ranked results, marked words and counts in the selects', async () => {
    await check('needs-search', `/public/needs?q=${encodeURIComponent('巡检')}`);
    expect(await page.locator('#f-q').inputValue()).toBe('巡检');
    expect(await page.locator('[role="status"]').textContent()).toContain('关键词：巡检');
    expect(await page.locator('table tbody mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#f-sector option').nth(1).textContent()).toMatch(/（\d+）$/);
  });

  it('entry page with an erratum', async () => {
    await check('entry', `/public/entries/${published.entryId}`);
    expect(await page.locator('.erratum').textContent()).toContain('补充现场条件与数据开放范围');
  });

  it('batch page', async () => {
    await check('batch', `/public/batches/${published.batchId}`);
    expect(await page.locator('h1').textContent()).toMatch(/第\d+批/);
  });

  it('benchmark case list', async () => {
    await check('benchmark-cases', '/public/benchmark-cases');
    expect(await page.locator('main li.card h2').count()).toBe(1);
  });

  it('policy library, a policy with its marked terms, and the measure search', async () => {
    const list = await api<{ items: Array<{ id: string; measureCount: number }> }>(null, 'GET', '/api/v1/policies');
    const policy = list.items.find((p) => p.measureCount > 0);
    expect(policy, 'the demo seed publishes policies').toBeDefined();
    await check('policies', '/public/policies');
    expect(await page.locator(`a[href="/public/policies/${policy!.id}"]`).count()).toBeGreaterThan(0);
    await check('policy', `/public/policies/${policy!.id}`);
    expect(await page.locator('main mark').count()).toBeGreaterThan(0);
    await check('policy-search', `/public/policies/search?q=${encodeURIComponent('科研经费')}`);
    expect(await page.locator('main mark').count()).toBeGreaterThan(0);
    await check('policy-digests', '/public/policy-digests');
  });

  it('narrow screen (mobile width) home and list', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await check('needs-mobile', '/public/needs');
    await check('home-mobile', '/public');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
