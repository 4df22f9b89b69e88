/**
 * 导出 Excel as a user gets it, in Chromium: the operator filters 填报记录, presses 导出 Excel,
 * and the browser saves an XLSX whose rows are the filtered list (every page of it); the call's
 * detail page shows its stages, submissions and review progress, at desktop and phone size.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, loggedIn, open, PHONE } from './app-accounts.js';
import { launchBrowser, screenshot, startServer, type E2eServer } from './harness.js';

const OPERATOR = 'operator@cqaiscene.example.cn';
let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('导出 Excel and the call detail page', () => {
  it('downloads the filtered 填报记录, all pages of it, as a readable XLSX', async () => {
    const { context, page } = await loggedIn(browser, server.url, OPERATOR, DESKTOP);
    contexts.push(context);
    await open(page, server.url, '/submissions?status=submitted&pageSize=10', '填报记录');
    const total = Number(/共 (\d+) 条/.exec((await page.locator('.ant-pagination-total-text').innerText()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^填报记录_\d{8}-\d{4}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const [data, info] = wb.worksheets;
    expect(data!.name).toBe('填报记录');
    expect(info!.name).toBe('导出说明');
    // Every row of the filtered list (not only the 10 on screen), each in the state filtered for.
    expect(data!.rowCount - 1).toBe(total);
    const statusCol = (data!.getRow(1).values as string[]).indexOf('状态');
    for (let r = 2; r <= data!.rowCount; r++) expect(data!.getRow(r).getCell(statusCol).value).toBe('已提交');
    const filters = info!.getRow(5).getCell(2).value;
    expect(filters).toBe('状态：已提交');
    await screenshot(page, 'desktop-operator-submissions-export');
  });

  it('shows a call with its stages, submissions and review progress, at desktop and phone size', async () => {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await loggedIn(browser, server.url, OPERATOR, viewport);
      contexts.push(context);
      await open(page, server.url, '/calls', '征集管理');
      await page.getByTestId('call-detail-link').first().click();
      await page.locator('.ant-steps').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.ant-steps-item').count()).toBeGreaterThanOrEqual(4);
      // The page never scrolls sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await screenshot(page, `${size}-operator-call-detail`);
    }
  });
});
