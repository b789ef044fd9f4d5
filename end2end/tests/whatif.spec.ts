import { test, expect, Page } from '@playwright/test';
import { logIn, expectNoHorizontalScroll } from './support';

// What-if on FY2026 (in execution, nine months of data). Each project works on its own
// department's scenarios; finance's province what-if only reads and computes.

const YEAR = 2026;
const PLANS: Record<string, { code: string; head: string; line: string; grades?: [RegExp, RegExp] }> = {
  // The preschool fund pays for the new kindergarten places (output quantity, elasticity 1,
  // 12 points): with no money there are no new places, and 98.8 falls below 90.
  desktop: {
    code: 'EDU',
    head: 'edu.head',
    line: 'EDU-P02 Preschool education development fund',
    grades: [/Excellent/, /Good/],
  },
  phone: { code: 'HEALTH', head: 'health.head', line: 'HEALTH-P01' },
};

const figure = (page: Page, name: string) => page.getByRole('status', { name, exact: true });
const number = async (page: Page, name: string) =>
  parseFloat(((await figure(page, name).textContent()) ?? '').replace(/[^\d.]/g, ''));

test('a head moves a slider, sees the projected total and grade change, saves and reopens it', async ({
  page,
}, testInfo) => {
  const plan = PLANS[testInfo.project.name];
  await logIn(page, plan.head);
  await page.goto(`/departments/${plan.code}/whatif/${YEAR}`);
  await expect(figure(page, 'Scenario total')).toHaveText(/\d+\.\d\d/);
  const before = await number(page, 'Scenario total');
  if (plan.grades) await expect(figure(page, 'Scenario grade')).toContainText(plan.grades[0]);

  const slider = page.getByRole('slider', { name: new RegExp(`^Share of budget — ${plan.line}`) });
  await slider.fill('0');
  await expect
    .poll(() => number(page, 'Scenario total'), { message: 'the total follows the slider' })
    .toBeLessThan(before);
  if (plan.grades) await expect(figure(page, 'Scenario grade')).toContainText(plan.grades[1]);
  const after = await number(page, 'Scenario total');
  await expectNoHorizontalScroll(page);

  // Saved with a name, it reopens from the list with the same inputs and outcome.
  const name = `No money for ${plan.line.split(' ')[0]} (${testInfo.project.name})`;
  await page.getByLabel('Scenario name').fill(name);
  await page.getByRole('button', { name: 'Save scenario', exact: true }).click();
  await expect(page.getByText(new RegExp(`Saved scenario “${name.replace(/[()]/g, '\\$&')}”`))).toBeVisible();
  await expect(page).toHaveURL(/\?scenario=\d+/);
  const link = page.url();

  await page.goto(`/departments/${plan.code}/whatif/${YEAR}`);
  await expect(figure(page, 'Scenario total')).toHaveText(/\d+\.\d\d/);
  expect(await number(page, 'Scenario total')).toBeCloseTo(before, 2);
  const saved = page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem').filter({ hasText: name });
  await saved.getByRole('button', { name: /^Open/ }).click();
  await expect(slider).toHaveValue('0');
  expect(await number(page, 'Scenario total')).toBeCloseTo(after, 2);

  // The link opens it too.
  await page.goto(link);
  await expect(slider).toHaveValue('0');
});

test('finance runs the province what-if and the final allocations sum to the pool', async ({ page }) => {
  await logIn(page, 'finance');
  await page.goto('/whatif/province/2025');
  const table = page.getByRole('table', { name: 'Allocation by department' });
  await expect(table).toBeVisible();
  const yuan = async (name: string) => ((await figure(page, name).textContent()) ?? '').trim();
  const sumOfFinals = async () => {
    const cells = await table.locator('tbody td[data-label="Final"]').allTextContents();
    return cells.reduce((sum, text) => sum + Math.round(parseFloat(text.replace(/[^\d.-]/g, '')) * 100), 0);
  };
  for (const step of ['as the grades ask', 'two percent tighter']) {
    if (step !== 'as the grades ask') {
      await page.getByRole('button', { name: 'Pool −2 %' }).click();
    }
    await expect(page.getByText(/Sum equals the pool/)).toBeVisible();
    const pool = await yuan('Pool');
    expect(await yuan('Total of final allocations')).toBe(pool);
    expect(await sumOfFinals()).toBe(Math.round(parseFloat(pool.replace(/[^\d.]/g, '')) * 100));
  }
  await expectNoHorizontalScroll(page);
});
