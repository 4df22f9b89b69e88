/** Small helpers for driving the antd UI with playwright-core (no @playwright/test, so no `expect(locator)`). */
import type { Locator, Page } from 'playwright-core';

/** The `<input>`/`<textarea>` behind a test id (antd puts some ids on a wrapper, some on the field). */
export function field(loc: Locator): Locator {
  return loc.locator('xpath=descendant-or-self::*[self::input or self::textarea][1]');
}

/** The open dropdown of this antd Select (found through the listbox its combobox controls). */
async function dropdownOf(page: Page, select: Locator): Promise<Locator> {
  const id = await field(select).getAttribute('id');
  if (!id) throw new Error('antd Select without an input id');
  return page
    .locator('.ant-select-dropdown')
    .filter({ visible: true })
    .filter({ has: page.locator(`[id="${id}_list"]`) });
}

/**
 * Picks `label` in an antd Select: opens it, optionally types `search` (showSearch selects), chooses
 * the option whose title is exactly `label`, and waits until the select shows it.
 *
 * With a search, the first match is the active option and Enter picks it: keyboard choice does not
 * depend on where the dropdown sits (on a loaded machine it can still be aligning when clicked).
 * A choice that did not take is retried.
 */
export async function pickOption(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  const input = field(select);
  const dropdown = await dropdownOf(page, select);
  const option = dropdown.locator(`.ant-select-item-option[title="${label}"]`);
  const active = dropdown.locator(`.ant-select-item-option-active[title="${label}"]`);
  const chosen = select.filter({ hasText: label });
  for (let attempt = 1; ; attempt++) {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await select.click();
    if (search) {
      await input.fill('');
      await input.pressSequentially(search, { delay: 20 });
    }
    await option.waitFor({ state: 'visible' });
    if (
      search &&
      (await active.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      ))
    )
      await input.press('Enter');
    else await option.click();
    try {
      await chosen.waitFor({ timeout: 4000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      if (await chosen.isVisible()) return;
    }
  }
}

/** Clicks the visible confirmation button of a Popconfirm / confirm dialog. */
export async function confirm(page: Page): Promise<void> {
  const ok = page.getByTestId('confirm-ok').filter({ visible: true });
  await ok.waitFor({ state: 'visible' });
  await ok.click();
}

/** Navigates with the side menu and waits for the page title. */
export async function menu(page: Page, label: string, pageTitle = label): Promise<void> {
  await page.getByTestId('main-menu').getByText(label, { exact: true }).click();
  await page.locator('h1, h2, h3, h4').filter({ hasText: pageTitle }).first().waitFor();
}

/** Row test ids look like `call-row-<id>`: returns the `<id>`. */
export async function rowId(row: Locator, prefix: string): Promise<string> {
  const tid = await row.getAttribute('data-testid');
  if (!tid?.startsWith(prefix)) throw new Error(`unexpected row test id ${tid}`);
  return tid.slice(prefix.length);
}
