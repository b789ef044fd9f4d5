import { test, expect, Page, Browser } from '@playwright/test';
import { logIn, expectNoHorizontalScroll, mainNav } from './support';

// Finance's administration pages: the indicator library (/library) and the fiscal years
// (/years). Both projects run at once against one database: every name a test creates
// carries the project's name, and each project opens its own year (desktop 2029, phone
// 2031; 2028 belongs to the indicator-set tests).


/** A second, independent finance session (another official at another desk). */
async function otherFinancePage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await logIn(page, 'finance');
  return { page, close: () => context.close() };
}

test('finance adds a library template, finds it by search, edits, withdraws and restores it', async ({
  page,
}, testInfo) => {
  const tag = `${testInfo.project.name}${Date.now() % 1000000}`;
  const nameZh = `测试模板${tag}`;
  const nameEn = `E2E template ${tag}`;
  await logIn(page, 'finance');
  const nav = await mainNav(page);
  await nav.getByRole('link', { name: /Library/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Indicator library/ })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: /New template/ }).click();
  const form = page.getByRole('form', { name: /New template/ });
  await expect(form.getByLabel(/Chinese name/)).toBeFocused();
  await form.getByLabel(/Chinese name/).fill(nameZh);
  await form.getByLabel(/English name/).fill(nameEn);
  await form.getByLabel(/Applies to/).selectOption('education');
  await form.getByLabel(/Level 2/).selectOption('quality');
  await form.getByLabel(/Accumulation/).selectOption('level');
  // No unit: refused next to the field before anything is sent.
  await form.getByRole('button', { name: /Add template/ }).click();
  const unit = form.getByLabel(/Unit/);
  await expect(unit).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Give the unit of measurement/)).toBeVisible();
  await unit.fill('%');
  await form.getByLabel(/Data source/).fill('教育统计年报');
  await form.getByRole('button', { name: /Add template/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${nameEn}` })).toBeVisible();
  await expect(form).toHaveCount(0);

  // Find it by a word of its English name.
  const search = page.getByRole('search');
  await search.getByLabel(/Keywords/).fill(tag);
  await search.getByRole('button', { name: /Search/ }).click();
  await expect(page.getByText('1 entries.', { exact: true })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(nameEn) });
  await expect(row).toContainText('Quality');
  await expect(row).toContainText('Education');
  await expect(row).toContainText('Level');
  await expect(row).toContainText('教育统计年报');

  // Edit it with the same form.
  await row.getByRole('button', { name: /Edit/ }).click();
  const edit = page.getByRole('form', { name: /Edit/ });
  await expect(edit.getByLabel(/Chinese name/)).toHaveValue(nameZh);
  await expect(edit.getByLabel(/Applies to/)).toHaveValue('education');
  await expect(edit.getByLabel(/Level 2/)).toHaveValue('quality');
  await edit.getByLabel(/Description/).fill('端到端测试修改的说明');
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${nameEn}` })).toBeVisible();
  await expect(row).toContainText('端到端测试修改的说明');

  // Withdraw: gone from the library until withdrawn entries are asked for; then restore.
  await row.getByRole('button', { name: /Withdraw/ }).click();
  await expect(page.getByText(/No indicators match/)).toBeVisible();
  await page.getByLabel(/Include withdrawn/).check();
  await expect(row).toContainText('Withdrawn');
  await row.getByRole('button', { name: /Restore/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Restored ${nameEn}` })).toBeVisible();
  await expect(row).not.toContainText('Withdrawn');
  await expectNoHorizontalScroll(page);
});

test('a stale library edit is refused and reloads the entry as it is now', async ({ page, browser, baseURL }, testInfo) => {
  const tag = `${testInfo.project.name}${Date.now() % 1000000}`;
  const nameZh = `并发模板${tag}`;
  const nameEn = `Concurrent ${tag}`;
  await logIn(page, 'finance');
  await page.goto('/library');
  await page.getByRole('button', { name: /New template/ }).click();
  const form = page.getByRole('form', { name: /New template/ });
  await form.getByLabel(/Chinese name/).fill(nameZh);
  await form.getByLabel(/English name/).fill(nameEn);
  await form.getByLabel(/Unit/).fill('个');
  await form.getByRole('button', { name: /Add template/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${nameEn}` })).toBeVisible();

  await page.getByRole('search').getByLabel(/Keywords/).fill(tag);
  await page.getByRole('search').getByRole('button', { name: /Search/ }).click();
  await page.getByRole('row', { name: new RegExp(nameEn) }).getByRole('button', { name: /Edit/ }).click();
  const edit = page.getByRole('form', { name: /Edit/ });
  await expect(edit.getByLabel(/Chinese name/)).toHaveValue(nameZh);

  // Meanwhile another official changes the unit.
  const other = await otherFinancePage(browser, baseURL);
  await other.page.goto('/library');
  await other.page.getByRole('search').getByLabel(/Keywords/).fill(tag);
  await other.page.getByRole('search').getByRole('button', { name: /Search/ }).click();
  await other.page.getByRole('row', { name: new RegExp(nameEn) }).getByRole('button', { name: /Edit/ }).click();
  const otherEdit = other.page.getByRole('form', { name: /Edit/ });
  await otherEdit.getByLabel(/Unit/).fill('项');
  await otherEdit.getByRole('button', { name: /Save/ }).click();
  await expect(other.page.getByRole('status').filter({ hasText: `Saved ${nameEn}` })).toBeVisible();
  await other.close();

  await edit.getByLabel(/Data source/).fill('我的修改');
  await edit.getByRole('button', { name: /Save/ }).click();
  const alert = edit.getByRole('alert');
  await expect(alert).toContainText(/Someone else changed this/);
  await alert.getByRole('button', { name: /Reload/ }).click();
  await expect(alert).toHaveCount(0);
  await expect(edit.getByLabel(/Unit/)).toHaveValue('项');
  await expect(edit.getByLabel(/Data source/)).toHaveValue('');
  await edit.getByLabel(/Data source/).fill('重新加载后修改');
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved ${nameEn}` })).toBeVisible();
});

test('a department user browses and filters the library but has no edit buttons', async ({ page }) => {
  await logIn(page, 'edu.head');
  await page.goto('/library');
  await expect(page.getByRole('heading', { level: 1, name: /Indicator library/ })).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(2);
  await expect(page.getByRole('button', { name: /Edit|Withdraw|Restore|New template/ })).toHaveCount(0);
  await expect(page.getByLabel(/Include withdrawn/)).toHaveCount(0);

  // Common indicators only: every row but the header says so.
  const search = page.getByRole('search');
  await search.getByLabel(/Applies to/).selectOption('common');
  await expect(rows.filter({ hasNotText: 'Common' })).toHaveCount(1);
  await expect(rows.nth(1)).toContainText('Common');

  // One sector and one level 2.
  await search.getByLabel(/Applies to/).selectOption('education');
  await search.getByLabel(/Level 2/).selectOption('quantity');
  await expect(rows.filter({ hasNotText: /Output \/ Quantity/ })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: 'Education' })).toHaveCount(1);
  await expect(rows.nth(1)).toContainText('Quantity');
  await expectNoHorizontalScroll(page);
});

test('the years page shows each year with its phase and rules, to everyone', async ({ page }) => {
  await page.goto('/');
  const nav = await mainNav(page);
  await nav.getByRole('link', { name: /Years/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fiscal years/ })).toBeVisible();

  const year = (n: number) => page.getByRole('article', { name: new RegExp(`Fiscal year ${n}`) });
  await expect(year(2024)).toContainText('Closed');
  await expect(year(2025)).toContainText('Evaluation');
  await expect(year(2026)).toContainText('Execution');
  const planning = year(2027);
  await expect(planning).toContainText('Planning');
  // Newest first.
  const headings = await page.getByRole('heading', { level: 2, name: /Fiscal year 20(24|25|26|27)$/ }).allTextContents();
  expect(headings.map((h) => h.match(/\d{4}/)![0])).toEqual(['2027', '2026', '2025', '2024']);

  // DESIGN's default rules.
  for (const [label, points] of [
    ['Budget execution', '10'],
    ['Output', '50'],
    ['Effect', '30'],
    ['Satisfaction', '10'],
    ['Total', '100'],
  ]) {
    const term = planning.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
    await expect(term.locator('xpath=following-sibling::dd')).toHaveText(points);
  }
  for (const text of ['< 60 %', '60 % – 80 %', '80 % – 120 %', '≥ 120 %', '+5 %', '−10 %', '−20 %']) {
    await expect(planning.getByText(text, { exact: true })).toBeVisible();
  }
  await expect(planning).toContainText('spent ≥ 50 %');
  await expect(planning).toContainText('< 60 % of its points');

  // The public reads; only finance edits.
  await expect(page.getByRole('button', { name: /Edit rules|Move to|Open the year/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
});

test('finance opens a year, fixes a wrong allocation, meets a stale edit and moves the year on', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const n = testInfo.project.name === 'desktop' ? 2029 : 2031;
  await logIn(page, 'finance');
  await page.goto('/years');
  await expect(page.getByRole('article', { name: /Fiscal year 2027/ })).toBeVisible();
  const open = page.getByRole('form', { name: /Open a year/ });
  await open.getByLabel('Year', { exact: true }).fill(String(n));
  // Prefilled with the defaults.
  await expect(open.getByLabel(/Output/)).toHaveValue('50');
  await expect(open.getByLabel(/Green: from/)).toHaveValue('80');
  await expect(open.getByLabel(/Fair/)).toHaveValue('-10');
  await expect(open.getByText('Total: 100 / 100')).toBeVisible();
  await open.getByRole('button', { name: /Open the year/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Opened fiscal year ${n}` })).toBeVisible();

  const card = page.getByRole('article', { name: new RegExp(`Fiscal year ${n}`) });
  await expect(card).toContainText('Planning');
  await card.getByRole('button', { name: /Edit rules/ }).click();
  const form = card.getByRole('form', { name: /Edit the rules/ });
  const output = form.getByLabel(/Output/);
  await output.fill('55');
  await expect(form.getByText('Total: 105 / 100')).toBeVisible();
  await form.getByRole('button', { name: /Save rules/ }).click();
  // Refused in the browser, next to the allocation.
  await expect(output).toHaveAttribute('aria-invalid', 'true');
  const error = form.getByText(/The points must sum to 100, not 105/);
  await expect(error).toBeVisible();
  const errorId = await error.getAttribute('id');
  expect(await output.getAttribute('aria-describedby')).toContain(errorId!);

  await form.getByLabel(/Effect/).fill('25');
  await expect(form.getByText('Total: 100 / 100')).toBeVisible();
  await form.getByLabel(/Red: below/).fill('55');
  await form.getByRole('button', { name: /Save rules/ }).click();
  await expect(card.getByRole('status').filter({ hasText: `Saved the rules of ${n}` })).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(card.getByText('< 55 %', { exact: true })).toBeVisible();
  const output55 = card.getByRole('term').filter({ hasText: /Output$/ });
  await expect(output55.locator('xpath=following-sibling::dd')).toHaveText('55');

  // Another official saves first: this edit is refused as stale and reloads theirs.
  await card.getByRole('button', { name: /Edit rules/ }).click();
  await form.getByLabel(/Excellent/).fill('8');
  const other = await otherFinancePage(browser, baseURL);
  await other.page.goto('/years');
  const otherCard = other.page.getByRole('article', { name: new RegExp(`Fiscal year ${n}`) });
  await otherCard.getByRole('button', { name: /Edit rules/ }).click();
  await otherCard.getByLabel(/Poor/).fill('-25');
  await otherCard.getByRole('button', { name: /Save rules/ }).click();
  await expect(otherCard.getByRole('status').filter({ hasText: /Saved the rules/ })).toBeVisible();
  await other.close();

  await form.getByRole('button', { name: /Save rules/ }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText(/Someone else changed this/);
  await alert.getByRole('button', { name: /Reload/ }).click();
  await expect(form.getByLabel(/Poor/)).toHaveValue('-25');
  await expect(form.getByLabel(/Excellent/)).toHaveValue('5');
  await expect(card.getByText('−25 %', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: /Cancel/ }).click();

  // Move on to execution, after a confirmation that says what it means.
  await card.getByRole('button', { name: /Move to Execution/ }).click();
  const confirm = card.getByRole('region', { name: new RegExp(`Move ${n} to Execution`) });
  await expect(confirm).toContainText(/points allocation is fixed/);
  await expect(confirm.getByRole('heading')).toBeFocused();
  await confirm.getByRole('button', { name: /Confirm: move to Execution/ }).click();
  await expect(card.getByRole('status').filter({ hasText: `${n} is in Execution now` })).toBeVisible();
  await expect(card.getByRole('button', { name: /Move to Evaluation/ })).toBeVisible();

  // Outside planning the allocation is fixed, and the form says why.
  await card.getByRole('button', { name: /Edit rules/ }).click();
  await expect(form.getByLabel(/Output/)).toBeDisabled();
  await expect(form.getByText(/can change only in planning/)).toBeVisible();
  await form.getByLabel(/Blue: from/).fill('125');
  await form.getByRole('button', { name: /Save rules/ }).click();
  await expect(card.getByText('≥ 125 %', { exact: true })).toBeVisible();

  // Opening it again is refused at the year field.
  await open.getByLabel('Year', { exact: true }).fill(String(n));
  await open.getByRole('button', { name: /Open the year/ }).click();
  await expect(open.getByText(new RegExp(`Fiscal year ${n} is open already`))).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('a department head reads the years without finance controls', async ({ page }) => {
  await logIn(page, 'edu.head');
  await page.goto('/years');
  await expect(page.getByRole('article', { name: /Fiscal year 2026/ })).toContainText('Execution');
  await expect(page.getByRole('button', { name: /Edit rules|Move to|Open the year/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: /Open a year/ })).toHaveCount(0);
});

test('the finance forms fit a phone without horizontal scroll', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'phone layout');
  await logIn(page, 'finance');
  await page.goto('/years');
  const planning = page.getByRole('article', { name: /Fiscal year 2027/ });
  await planning.getByRole('button', { name: /Edit rules/ }).click();
  await expect(planning.getByRole('form', { name: /Edit the rules/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await planning.getByRole('button', { name: /Cancel/ }).click();

  await page.goto('/library');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel(/Include withdrawn/).check();
  await page.getByRole('button', { name: /New template/ }).click();
  await expect(page.getByRole('form', { name: /New template/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
