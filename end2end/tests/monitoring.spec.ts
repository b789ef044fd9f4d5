import { test, expect, Page, Browser, TestInfo } from '@playwright/test';
import { logIn, expectNoHorizontalScroll, mainNav, secondUser } from './support';

// The two projects run in parallel against one server and database, so each reports month
// 10 of FY2026 for its own department (the demo has months 1–9).
const YEAR = 2026;
const MONTH = 10;

// The UI comes up in English (the browser's locale), so indicators show their English
// names; the province's "new red lamps" list names them as the server gives them (`zh`,
// matched by `anyName` in case it gives the English name).
const DEPARTMENTS: Record<
  string,
  { code: string; staff: string; head: string; indicator: string; zh: string; low: string }
> = {
  // Level indicators: a low value is red without being a falling cumulative figure.
  desktop: {
    code: 'EDU',
    staff: 'edu.staff',
    head: 'edu.head',
    indicator: 'Share of kindergarten children enrolled in inclusive kindergartens',
    zh: '普惠性幼儿园在园幼儿占比',
    low: '50',
  },
  phone: {
    code: 'TRANS',
    staff: 'trans.staff',
    head: 'trans.head',
    indicator: 'Urban-rural public transport integration rate',
    zh: '城乡公交一体化率',
    low: '30',
  },
};

/** The indicator by either of its names. */
const anyName = (d: { indicator: string; zh: string }) => new RegExp(`${d.indicator}|${d.zh}`);

/** The indicator's row in the indicators table (a card on phones). */
const indicatorRow = (page: Page, name: string) =>
  page.getByRole('region', { name: /Indicators/ }).getByRole('row').filter({ hasText: name });

test('staff report a red month, the head records the cause, finance sees the new red lamp', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const dept = DEPARTMENTS[testInfo.project.name];
  const url = `/departments/${dept.code}/monitoring/${YEAR}?month=${MONTH}`;

  // Staff open month 10 and enter one indicator's value, low enough for a red lamp.
  await logIn(page, dept.staff);
  await page.goto(`/departments/${dept.code}`);
  // The FY2026 entry: other tests may have opened later years.
  await page
    .getByRole('listitem')
    .filter({ hasText: `FY${YEAR}` })
    .getByRole('link', { name: 'Monitoring', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Monitoring');
  await expect(page.getByText(/Latest month with data: 9/)).toBeVisible();
  await page.goto(url);
  await expect(page.getByLabel(/^Month/)).toHaveValue(String(MONTH));
  await page.getByRole('button', { name: `Enter month ${MONTH}` }).click();
  const item = page.getByRole('group', { name: new RegExp(dept.indicator) });
  await item.getByLabel(/Value to date/).fill(dept.low);
  await expect(item).toContainText('Lamp preview: Red');
  await expect(item.getByLabel(/Cause/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: `Save month ${MONTH}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved the figures of month ${MONTH}` })).toBeVisible();
  const row = indicatorRow(page, dept.indicator);
  await expect(row).toContainText('Red');
  await expect(row).toContainText('Cause needed');
  await expectNoHorizontalScroll(page);

  // The head re-saves the month with a cause and a corrective measure.
  const head = await secondUser(browser, page, testInfo, dept.head);
  await head.goto(url);
  await head.getByRole('button', { name: `Enter month ${MONTH}` }).click();
  const headItem = head.getByRole('group', { name: new RegExp(dept.indicator) });
  await expect(headItem.getByLabel(/Value to date/)).toHaveValue(dept.low);
  const cause = `${dept.code} 秋季学期数据延迟上报 Autumn figures reported late`;
  const measure = `${dept.code} 每周督办 Weekly follow-up`;
  await headItem.getByLabel(/Cause/).fill(cause);
  await headItem.getByLabel(/Corrective measure/).fill(measure);
  await head.getByRole('button', { name: `Save month ${MONTH}` }).click();
  await expect(head.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const headRow = indicatorRow(head, dept.indicator);
  await expect(headRow).toContainText(cause);
  await expect(headRow).toContainText(measure);
  await expect(headRow).not.toContainText('Cause needed');

  // The indicator's chart has the month's value in its data table.
  const value = await head
    .locator('#chart-indicator option', { hasText: dept.indicator })
    .getAttribute('value');
  await head.getByLabel('Indicator', { exact: true }).selectOption(value!);
  const chart = head.getByRole('figure', { name: new RegExp(dept.indicator) });
  await expect(chart.getByRole('img')).toBeVisible();
  await chart.getByText('Data table').click();
  await expect(chart.getByRole('row', { name: new RegExp(`M${MONTH}\\b`) })).toContainText(dept.low);
  await expectNoHorizontalScroll(head);
  await head.context().close();

  // Finance sees the department among the new red lamps of month 10.
  const finance = await secondUser(browser, page, testInfo, 'finance');
  const nav = await mainNav(finance);
  await nav.getByRole('link', { name: 'Monitoring', exact: true }).click();
  await expect(finance.getByRole('heading', { level: 1 })).toContainText('Province dashboard');
  await finance.getByLabel(/^Month/).selectOption(String(MONTH));
  await expect(finance).toHaveURL(new RegExp(`/monitoring/${YEAR}\\?month=${MONTH}`));
  const newRed = finance.getByRole('region', { name: /New red lamps this month/ });
  const entry = newRed.getByRole('listitem').filter({ hasText: anyName(dept) });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole('link')).toHaveAttribute('href', url);
  await finance.getByLabel(/Filter by department lamp/).selectOption('red');
  const departments = finance.getByRole('region', { name: /^Departments/ });
  await expect(departments.getByRole('row').filter({ hasText: dept.code })).toContainText(anyName(dept));
  await expectNoHorizontalScroll(finance);
  await entry.getByRole('link').click();
  await expect(indicatorRow(finance, dept.indicator)).toContainText(cause);
  await finance.context().close();
});

test('the budget shows its categories and totals; its editor checks amounts live', async ({ page }, testInfo) => {
  const dept = DEPARTMENTS[testInfo.project.name];
  await logIn(page, dept.staff);
  await page.goto(`/departments/${dept.code}/budget/${YEAR}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Budget');
  await expect(page.getByRole('heading', { name: /Basic: personnel/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Project expenditure/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Grand total/ })).toContainText('¥');
  // During execution only the adjusted amount, funding source and links change.
  await expect(page.getByLabel(/^Amount \(yuan\)/).first()).toBeDisabled();
  const adjusted = page.getByLabel(/Adjusted amount \(yuan\)/).first();
  await adjusted.fill('1.234');
  await expect(page.getByText(/At most two decimals/).first()).toBeVisible();
  await expect(adjusted).toHaveAttribute('aria-invalid', 'true');
  await expectNoHorizontalScroll(page);
});

test('a department sees what its projects cost per unit of output', async ({ page }, testInfo) => {
  const d = DEPARTMENTS[testInfo.project.name];
  await logIn(page, d.head);
  await page.goto(`/departments/${d.code}/monitoring/${YEAR}?month=9`);
  const costs = page.getByRole('region', { name: /Cost per unit of output/ });
  await expect(costs.getByRole('row').nth(1)).toBeVisible();
  await expect(costs.getByText(/¥[\d,]+\.\d\d \//).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});
