import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectNoHorizontalScroll } from './support';

// The citizens' portal (/open): published years only, phone first, accessible and light.
// No login anywhere in this file.

const BUDGET_KB = 250;

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Every link, button and form control in the main content is at least 44 px tall and wide. */
async function expectTapTargets(page: Page) {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('main a, main button, main select, main input, main summary'))
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ e, r }) => `${e.tagName} "${(e.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
}

test('a citizen finds a department, sees how it used its money, and can download the data', async ({ page }) => {
  // The latest published year.
  await page.goto('/open');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2024');
  await expect(page).toHaveTitle(/2024/);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toMatch(/2024/);
  await expect(page.getByRole('img', { name: /Grade distribution/ })).toBeVisible();
  const ranking = page.getByRole('table', { name: /Departments ranked/ });
  await expect(ranking.getByRole('row')).toHaveCount(15); // a header and 14 departments
  await expect(page.getByRole('link', { name: /Download open data/ })).toHaveAttribute(
    'href',
    '/api/public/years/2024/open-data.zip',
  );
  await expectNoHorizontalScroll(page);
  await expectTapTargets(page);
  await expectAccessible(page);

  // Filters live in the URL, so the link can be shared.
  await page.getByRole('combobox', { name: /Sector/ }).selectOption('transport');
  await expect(page).toHaveURL(/sector=transport/);
  await expect(ranking.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: /Sector/ }).selectOption('');
  // The search finds a department by either of its names.
  await page.getByRole('searchbox', { name: /Search departments/ }).fill('教育');
  await expect(page).toHaveURL(/q=/);
  await expect(ranking.getByRole('row')).toHaveCount(2);
  const shared = page.url();

  await ranking.getByRole('link', { name: /Department of Education/ }).click();
  await expect(page).toHaveURL(/\/open\/2024\/EDU$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Department of Education');
  await expect(page).toHaveTitle(/Department of Education/);
  const indicators = page.getByRole('table', { name: /Indicators: target, actual and score/ });
  await expect(indicators).toBeVisible();
  await expect(indicators).toContainText(/higher is better/);
  // The weights are shown so anyone can recompute the total: Σ scores = total.
  await expect(indicators).toContainText(/Σ/);
  await expect(page.getByRole('table', { name: /Budget and spending/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectTapTargets(page);
  await expectAccessible(page);

  // The back button returns to the filtered ranking.
  await page.goBack();
  await expect(page).toHaveURL(shared);
  await expect(ranking.getByRole('row')).toHaveCount(2);
});

test('an unpublished year shows nothing of its results', async ({ page }) => {
  await page.goto('/open/2025');
  await expect(page.getByText(/The results for 2025 have not been published/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/open/2025/EDU');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test(`the overview's first load transfers at most ${BUDGET_KB} KB compressed`, async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'measured once, on the phone a citizen uses');
  const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const responses: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    responses.push(
      request.sizes().then((s) => ({ url: request.url(), bytes: Math.max(0, s.responseBodySize) + Math.max(0, s.responseHeadersSize) })),
    );
  });
  await page.goto('/open', { waitUntil: 'networkidle' });
  await expect(page.getByRole('table', { name: /Departments ranked/ })).toBeVisible();
  const all = await Promise.all(responses);
  const total = all.reduce((sum, r) => sum + r.bytes, 0);
  const report = all.map((r) => `${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${new URL(r.url).pathname}`).join('\n');
  console.log(`portal first load (compressed, with headers):\n${report}\n${(total / 1024).toFixed(1).padStart(7)} KB  total`);
  await testInfo.attach('portal-first-load.txt', { body: report, contentType: 'text/plain' });
  expect(total).toBeLessThanOrEqual(BUDGET_KB * 1024);
  await context.close();
});
