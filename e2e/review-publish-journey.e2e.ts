/**
 * The review and publication journey through the real UI in Chromium:
 * the operator starts the review of the closed demo call and assigns reviewers automatically →
 * reviewer 1 scores one item in the form → (three items are scored fully through the API, with
 * clearly different scores) → the operator sees them ranked first, selects the top two and
 * publishes a batch → an anonymous visitor finds the batch on the portal, filters the need list
 * down to one published entry, opens it, and downloads the batch's XLSX.
 *
 * One server (PGlite, demo data) and one browser for the file. Steps share state and run in order;
 * after a failed step the later ones are skipped. Every step leaves `failure-<step>.png` when it fails.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';
import {
  api,
  apiLogin,
  flat,
  mean2,
  weighted,
  type Criterion,
  type MyAssignment,
  type Ranking,
  type RankingItem,
  type Session,
} from './review-helpers.js';
import { confirm, field, menu, rowId } from './ui.js';

const PASSWORD = 'Demo2026pass';
const OPERATOR = 'operator@cqaiscene.example.cn';
const REVIEWERS = [1, 2, 3].map((n) => `reviewer${n}@cqaiscene.example.cn`);
const TIMEOUT = 20_000;
const poll = <T>(fn: () => Promise<T> | T, timeout = TIMEOUT) => expect.poll(fn, { timeout, interval: 250 });

const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const BATCH_NUMBER = 7;
const BATCH_TITLE = `${YEAR}年第${BATCH_NUMBER}批人工智能场景机会清单（E2E）`;
/** Reviewer 1's scores in the form, in criterion order (need scheme: 30/25/25/20 → 91.40). */
const UI_SCORES = [95, 90, 88, 92];
const UI_COMMENT = '场景需求明确，数据和现场条件具备，示范价值较高。';
/**
 * Flat scores given through the API: item → reviewer 1, 2, 3 (undefined: scored in the UI).
 * Means: A ≈ 89.80, B = 78.00, C ≈ 62.33; no spread above 20, so no flag.
 */
const API_SCORES: Record<'A' | 'B' | 'C', Array<number | undefined>> = {
  A: [undefined, 90, 88],
  B: [80, 78, 76],
  C: [65, 62, 60],
};

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The page a failure screenshot is taken of (the anonymous visitor's in step 4). */
let current: Page;
let visitorContext: BrowserContext | undefined;
const problems: string[] = [];
const pageErrors: string[] = [];
let broken: string | null = null;
const timings: string[] = [];

const state: {
  callId?: string;
  criteria?: Criterion[];
  items?: Record<'A' | 'B' | 'C', RankingItem>;
  uiAssignmentId?: string;
  expectedMeans?: Record<'A' | 'B' | 'C', number>;
  batchId?: string;
} = {};

async function step(name: string, skip: (note?: string) => void, body: () => Promise<void>): Promise<void> {
  if (broken) skip(`an earlier step failed (${broken})`);
  const t0 = Date.now();
  try {
    await body();
    timings.push(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    broken = name;
    await screenshot(current, `failure-${name}`).catch(() => undefined);
    const recent = problems.slice(-8);
    if (recent.length && e instanceof Error) e.message += `\n\nRecent API errors / page errors:\n${recent.join('\n')}`;
    throw e;
  }
}

/** A named screenshot without the antd toasts (they outlive navigation and cover content). */
async function shot(p: Page, name: string): Promise<void> {
  const style = await p.addStyleTag({ content: '.ant-message { display: none !important; }' });
  try {
    await screenshot(p, name);
  } finally {
    await style.evaluate((el) => (el as Element).remove());
  }
}

function watch(p: Page) {
  p.setDefaultTimeout(TIMEOUT);
  p.setDefaultNavigationTimeout(30_000);
  p.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  p.on('pageerror', (e) => {
    pageErrors.push(e.message);
    problems.push(`pageerror: ${e.message}`);
  });
}

async function login(email: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

async function logout(): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-email').waitFor();
}

/** 征集管理 → the call's row → 评审与遴选, waiting for the ranking to be loaded. */
async function openCallReview(): Promise<void> {
  await menu(page, '征集管理');
  const row = page.getByTestId(`call-row-${state.callId}`);
  await row.getByTestId('call-review-link').click();
  await page.waitForURL(new RegExp(`/calls/${state.callId}/review$`));
  await page.getByRole('heading', { name: '评审与遴选' }).waitFor();
  await page.locator('tr[data-testid^="ranking-row-"]').first().waitFor();
}

/** The ids of the ranking rows in table order. */
async function rankingOrder(): Promise<string[]> {
  const ids = await page.locator('tr[data-testid^="ranking-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!));
  return ids.map((id) => id.slice('ranking-row-'.length));
}

describe('review and publication journey (browser)', () => {
  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (s.status === 'fulfilled') server = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    current = page;
    watch(page);
  });

  afterAll(async () => {
    console.log(`step times:\n  ${timings.join('\n  ')}`);
    await visitorContext?.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('1. the operator starts the review of the closed call and assigns reviewers', async ({ skip }) => {
    await step('11-assign', skip, async () => {
      await page.goto(`${server.url}/login`);
      await login(OPERATOR);
      await menu(page, '征集管理');

      // The closed scenario-need call of the demo data, found by its status tag in the list.
      const closedRows = page
        .locator('tr[data-testid^="call-row-"]')
        .filter({ has: page.locator('[data-testid="status-tag"][data-status="closed"]') });
      await closedRows.first().waitFor();
      expect(await closedRows.count()).toBe(1);
      const row = closedRows.first();
      state.callId = await rowId(row, 'call-row-');
      // 填报数 (submitted items) of the call, by its column header.
      const headers = await page.locator('.ant-table-thead th').allTextContents();
      const countColumn = headers.findIndex((h) => h.trim() === '填报数');
      expect(countColumn).toBeGreaterThan(0);
      const submitted = Number((await row.locator('td').nth(countColumn).textContent())?.trim());
      expect(submitted).toBeGreaterThan(100);

      await row.getByTestId('call-action-start_review').click();
      await confirm(page);
      const reviewing = page.getByTestId(`call-row-${state.callId}`);
      await reviewing.locator('[data-testid="status-tag"][data-status="reviewing"]').waitFor();

      await reviewing.getByTestId('call-review-link').click();
      await page.waitForURL(new RegExp(`/calls/${state.callId}/review$`));
      await page.getByRole('heading', { name: '评审与遴选' }).waitFor();
      await page.getByTestId('review-auto-assign').waitFor();
      // Every submitted item moved to in_review and appears in the ranking, unscored.
      await page.locator('tr[data-testid^="ranking-row-"]').first().waitFor();
      const rankingTotal = page.locator('.ant-pagination-total-text').last();
      await poll(() => rankingTotal.textContent()).toBe(`共 ${submitted} 项`);

      await page.getByTestId('review-auto-assign').click();
      const result = page.getByTestId('review-assign-result');
      await result.waitFor({ timeout: 60_000 });
      const created = Number(await result.getAttribute('data-created'));
      expect(created).toBeGreaterThan(0);
      expect(await result.textContent()).toContain(`新建评审任务 ${created} 个`);
      // Three reviewers in progress rows, each with tasks.
      await poll(() => page.locator('tr[data-testid^="progress-row-"]').count()).toBe(3);
      await shot(page, '11-assigned');

      // Setup for the next steps (no UI needed): which items have all three reviewers, and
      // which of reviewer 1's tasks on the first page of 评审任务 is on such an item.
      const op = await apiLogin(server.url, OPERATOR, PASSWORD);
      const ranking = await api<Ranking>(server.url, op, 'GET', `/api/v1/calls/${state.callId}/ranking`);
      const k = ranking.call.reviewScheme.reviewersPerItem;
      expect(k).toBe(3);
      state.criteria = ranking.call.reviewScheme.criteria;
      expect(state.criteria).toHaveLength(UI_SCORES.length);
      expect(ranking.items.reduce((n, i) => n + i.reviews.length, 0)).toBe(created);
      const full = new Map(
        ranking.items
          .filter((i) => i.status === 'in_review' && i.reviews.filter((r) => r.status === 'assigned').length === k)
          .map((i) => [i.id, i]),
      );
      const r1 = await apiLogin(server.url, REVIEWERS[0]!, PASSWORD);
      const mine = (await api<{ items: MyAssignment[] }>(server.url, r1, 'GET', '/api/v1/reviews/assignments')).items;
      const firstPage = mine.slice(0, 20);
      const a = firstPage.find((x) => x.callId === state.callId && full.has(x.submissionId));
      if (!a) throw new Error('no item with three reviewers among reviewer 1’s first 20 tasks');
      state.uiAssignmentId = a.id;
      const others = [...full.values()].filter((i) => i.id !== a.submissionId);
      expect(others.length).toBeGreaterThanOrEqual(2);
      state.items = { A: full.get(a.submissionId)!, B: others[0]!, C: others[1]! };
    });
  });

  it('2. reviewer 1 scores one task in the form; the other scores are given through the API', async ({ skip }) => {
    await step('12-score', skip, async () => {
      const criteria = state.criteria!;
      const id = state.uiAssignmentId!;
      await logout();
      await login(REVIEWERS[0]!);
      await menu(page, '评审任务');
      const row = page.getByTestId(`reviews-row-${id}`);
      await row.waitFor();
      await row.locator('[data-testid="assignment-status"][data-status="assigned"]').waitFor();
      await row.getByTestId('review-open').click();
      await page.waitForURL(new RegExp(`/reviews/${id}$`));
      await page.getByTestId('review-form').waitFor();
      await page.getByRole('heading', { name: state.items!.A.title }).waitFor();

      const total = page.getByTestId('review-total');
      await poll(() => total.textContent()).toBe('0.00');
      const scores: Record<string, number> = {};
      for (const [i, c] of criteria.entries()) {
        scores[c.key] = UI_SCORES[i]!;
        await field(page.getByTestId(`review-score-${c.key}`)).fill(String(UI_SCORES[i]));
        await page.getByTestId(`review-comment-${c.key}`).fill(`${c.name}：${UI_COMMENT}`);
        // The total follows every entry (criteria not scored yet count as 0).
        const partial = Object.fromEntries(criteria.map((x) => [x.key, scores[x.key] ?? 0]));
        await poll(() => total.textContent()).toBe(weighted(criteria, partial).toFixed(2));
      }
      const uiTotal = weighted(criteria, scores);
      expect(uiTotal).toBe(91.4);
      await page.getByText('各项均已打分').waitFor();

      await page.getByTestId('review-submit').click();
      await page
        .locator('.ant-modal-confirm')
        .getByText(`加权总分 ${uiTotal.toFixed(2)} 分`)
        .waitFor();
      await confirm(page);
      await page.getByTestId('review-submitted').waitFor();
      // Let the confirm dialog and its mask finish closing before the picture.
      await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
      await page.locator('.ant-modal-mask').filter({ visible: true }).waitFor({ state: 'detached' });
      // Read-only now: plain text scores, no inputs, no buttons.
      const form = page.getByTestId('review-form');
      await poll(() => form.locator('input, textarea').count()).toBe(0);
      expect(await page.getByTestId('review-submit').count()).toBe(0);
      expect(await page.getByTestId('review-save').count()).toBe(0);
      for (const [i, c] of criteria.entries()) {
        expect((await page.getByTestId(`review-score-${c.key}`).textContent())?.trim()).toBe(String(UI_SCORES[i]));
        expect(await page.getByTestId(`review-comment-${c.key}`).textContent()).toContain(UI_COMMENT);
      }
      expect(await total.textContent()).toBe(uiTotal.toFixed(2));
      await page.locator('h1, h2, h3, h4').locator('[data-testid="assignment-status"][data-status="submitted"]').waitFor();
      await shot(page, '12-scored');

      // Back in the list, the task shows as submitted with its total.
      await page.getByTestId('review-back').click();
      await page.waitForURL(/\/reviews$/);
      const done = page.getByTestId(`reviews-row-${id}`);
      await done.locator('[data-testid="assignment-status"][data-status="submitted"]').waitFor();
      expect(await done.textContent()).toContain(uiTotal.toFixed(2));
      expect((await done.getByTestId('review-open').textContent())?.replace(/\s/g, '')).toBe('查看');

      // The rest through the API, as each reviewer: items A (reviewers 2, 3), B and C (all three).
      const means: Record<string, number> = {};
      for (const key of ['A', 'B', 'C'] as const) {
        const item = state.items![key];
        const given: number[] = key === 'A' ? [uiTotal] : [];
        for (const [n, email] of REVIEWERS.entries()) {
          const score = API_SCORES[key][n];
          if (score === undefined) continue;
          const s: Session = await apiLogin(server.url, email, PASSWORD);
          const mine = (await api<{ items: MyAssignment[] }>(server.url, s, 'GET', `/api/v1/reviews/assignments?callId=${state.callId}`))
            .items;
          const task = mine.find((x) => x.submissionId === item.id && x.status === 'assigned');
          if (!task) throw new Error(`${email} has no open task on item ${key}`);
          await api(server.url, s, 'PUT', `/api/v1/reviews/assignments/${task.id}`, {
            scores: flat(criteria, score),
            comments: { [criteria[0]!.key]: `E2E 评分 ${score}` },
            submit: true,
          });
          given.push(score);
        }
        means[key] = mean2(given);
      }
      state.expectedMeans = means as Record<'A' | 'B' | 'C', number>;
      expect(state.expectedMeans.A).toBeGreaterThan(state.expectedMeans.B);
      expect(state.expectedMeans.B).toBeGreaterThan(state.expectedMeans.C);
    });
  });

  it('3. the operator sees the ranking, selects the top two and publishes a batch', async ({ skip }) => {
    await step('13-publish', skip, async () => {
      const { A, B, C } = state.items!;
      const means = state.expectedMeans!;
      await logout();
      await login(OPERATOR);
      await openCallReview();

      // The three scored items lead the ranking in the expected order.
      await poll(async () => (await rankingOrder()).slice(0, 3)).toEqual([A.id, B.id, C.id]);
      for (const [key, item, rank] of [
        ['A', A, '1'],
        ['B', B, '2'],
        ['C', C, '3'],
      ] as const) {
        const row = page.getByTestId(`ranking-row-${item.id}`);
        expect((await row.getByTestId('ranking-rank').textContent())?.trim()).toBe(rank);
        expect(await row.textContent()).toContain(means[key].toFixed(2));
        expect(await row.textContent()).toContain('3/3');
        expect(await row.getByTestId('ranking-spread-flag').count()).toBe(0);
      }
      // The next row is unscored and unranked.
      const fourth = page.getByTestId(`ranking-row-${(await rankingOrder())[3]}`);
      expect((await fourth.getByTestId('ranking-rank').textContent())?.trim()).toBe('—');

      // Publishing is disabled until something is selected.
      expect(await page.getByTestId('publish-batch').isDisabled()).toBe(true);
      for (const item of [A, B]) {
        await page.getByTestId(`ranking-row-${item.id}`).locator('input[type="checkbox"]').check();
      }
      await page.getByText('已选 2 项').waitFor();
      await page.getByTestId('ranking-select-bulk').click();
      await page.locator('.ant-popconfirm').filter({ visible: true }).getByText('确定将选中的 2 项设为入选吗？').waitFor();
      await confirm(page);
      for (const item of [A, B]) {
        await page.getByTestId(`ranking-row-${item.id}`).locator('[data-testid="status-tag"][data-status="selected"]').waitFor();
      }
      await page.getByTestId(`ranking-row-${C.id}`).locator('[data-testid="status-tag"][data-status="in_review"]').waitFor();
      await page.getByText('已选 0 项').waitFor();
      const publish = page.getByTestId('publish-batch');
      await poll(() => publish.textContent()).toContain('（2）');
      await poll(() => publish.isEnabled()).toBe(true);

      await publish.click();
      const modal = page.locator('.ant-modal').filter({ hasText: '发布批次' }).filter({ visible: true });
      await modal.getByText('将 2 个已入选项目按排名顺序编号发布').waitFor();
      await field(page.getByTestId('publish-title')).fill(BATCH_TITLE);
      await field(page.getByTestId('publish-number')).fill(String(BATCH_NUMBER));
      await page.getByTestId('publish-confirm').click();

      const result = page.getByTestId('publish-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.textContent()).toContain(`已发布「${BATCH_TITLE}」，共 2 条`);
      const link = page.getByTestId('publish-result-link');
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/public\/batches\/[0-9a-f-]{36}$/);
      state.batchId = href!.split('/').pop()!;
      await modal.waitFor({ state: 'hidden' });
      // Published items move on; C stays in review and can still be decided.
      for (const item of [A, B]) {
        await page.getByTestId(`ranking-row-${item.id}`).locator('[data-testid="status-tag"][data-status="published"]').waitFor();
      }
      await poll(() => page.getByTestId('publish-batch').isDisabled()).toBe(true);
      // A batch does not end the call's review (docs/api.md): it stays 评审中, C can still be decided.
      await page.locator('h1 [data-testid="status-tag"][data-status="reviewing"]').waitFor();
      await page.getByTestId(`ranking-row-${C.id}`).locator('input[type="checkbox"]:not([disabled])').waitFor();
      await shot(page, '13-published');
    });
  });

  it('4. an anonymous visitor finds the entry on the portal and downloads the batch XLSX', async ({ skip }) => {
    await step('14-public', skip, async () => {
      const { A, B } = state.items!;
      const batchId = state.batchId!;
      visitorContext = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      expect(await visitorContext.cookies()).toEqual([]);
      const v = await visitorContext.newPage();
      current = v;
      watch(v);

      // Home: the new batch is listed with its entry count.
      const home = await v.goto(`${server.url}/public`);
      expect(home?.status()).toBe(200);
      const card = v.locator('li.card').filter({ has: v.locator(`a[href="/public/batches/${batchId}"]`) });
      await card.getByRole('link', { name: BATCH_TITLE }).waitFor();
      expect(await card.textContent()).toContain('共2项');

      // The need list, narrowed with the filter form to the batch and A's sector.
      await v.locator('header.site nav').getByRole('link', { name: '场景机会清单' }).click();
      await v.waitForURL(/\/public\/needs$/);
      await v.getByRole('heading', { name: '场景机会清单', level: 1 }).waitFor();
      const sectorName = (await v.locator(`#f-sector option[value="${A.sector}"]`).textContent())!.trim();
      await v.locator('#f-batch').selectOption({ label: BATCH_TITLE });
      await v.locator('#f-sector').selectOption(A.sector);
      await Promise.all([v.waitForURL(/\/public\/needs\?/), v.getByRole('button', { name: '筛选' }).click()]);
      const url = new URL(v.url());
      expect(url.searchParams.get('batchId')).toBe(batchId);
      expect(url.searchParams.get('sector')).toBe(A.sector);
      expect(await v.locator('#f-batch').inputValue()).toBe(batchId);
      expect(await v.locator('#f-sector').inputValue()).toBe(A.sector);
      const expected = A.sector === B.sector ? 2 : 1;
      // As the visitor reads it: the server's template may break lines inside the sentence.
      const status = v.locator('p[role="status"]');
      expect(await status.innerText()).toContain(`共 ${expected} 项符合条件`);
      expect(await status.innerText()).toContain(`所属领域：${sectorName}`);
      const rows = v.locator('table tbody tr');
      expect(await rows.count()).toBe(expected);
      const entryRow = rows.filter({ has: v.getByRole('link', { name: A.title, exact: true }) });
      expect(await entryRow.count()).toBe(1);
      expect(await entryRow.textContent()).toContain(A.organizationName);
      expect(await entryRow.textContent()).toContain(sectorName);

      // The entry: 发布单位 and 联系方式.
      await Promise.all([
        v.waitForURL(/\/public\/entries\/[0-9a-f-]{36}$/),
        entryRow.getByRole('link', { name: A.title, exact: true }).click(),
      ]);
      await v.getByRole('heading', { name: A.title, level: 1 }).waitFor();
      const fieldValue = (label: string) => v.locator(`dl.fields dt:text-is("${label}") + dd`).first().textContent();
      expect((await fieldValue('序号'))?.trim()).toBe('第1项');
      expect((await fieldValue('发布单位'))?.trim()).toBe(A.organizationName);
      const contact = (await fieldValue('联系方式'))?.trim() ?? '';
      expect(contact.length).toBeGreaterThan(0);
      if (contact.includes('通过平台联系')) expect(contact).toContain('登录平台');
      else expect(contact).toMatch(/\d{3,}|@/);
      expect((await fieldValue('所属领域'))?.trim()).toBe(sectorName);
      expect((await fieldValue('发布批次'))?.trim()).toBe(BATCH_TITLE);
      expect(await v.locator('script').count()).toBe(0);
      // Server-rendered, strict CSP (no inline style to hide toasts, and no toasts anyway).
      await screenshot(v, '14-public-entry');

      // The batch page and its XLSX.
      await Promise.all([v.waitForURL(new RegExp(`/public/batches/${batchId}$`)), v.getByRole('link', { name: BATCH_TITLE }).click()]);
      await v.getByRole('heading', { name: BATCH_TITLE, level: 1 }).waitFor();
      expect((await v.locator('dl.fields dt:text-is("批次") + dd').textContent())?.trim()).toBe(`${YEAR}年第${BATCH_NUMBER}批`);
      const entries = v.locator('table tbody tr');
      expect(await entries.count()).toBe(2);
      expect(await entries.nth(0).textContent()).toContain(A.title);
      expect(await entries.nth(1).textContent()).toContain(B.title);

      const [download] = await Promise.all([v.waitForEvent('download'), v.getByRole('link', { name: '下载 XLSX 表格' }).first().click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-dl-')), download.suggestedFilename());
      await download.saveAs(file);
      expect(await download.failure()).toBeNull();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const texts: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))));
      expect(texts).toContain(A.title);
      expect(texts).toContain(B.title);
      expect(texts.some((t) => t.includes(BATCH_TITLE))).toBe(true);
      const c = state.items!.C.title;
      if (c !== A.title && c !== B.title) expect(texts).not.toContain(c);
      expect(pageErrors).toEqual([]);
    });
  });
});
