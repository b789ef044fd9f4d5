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
  await expect(figure(page, '情景总分 Scenario total')).toHaveText(/\d+\.\d\d/);
  const before = await number(page, '情景总分 Scenario total');
  if (plan.grades) await expect(figure(page, '情景等级 Scenario grade')).toContainText(plan.grades[0]);

  const slider = page.getByRole('slider', { name: new RegExp(`^拨款比例 Share of budget — ${plan.line}`) });
  await slider.fill('0');
  await expect
    .poll(() => number(page, '情景总分 Scenario total'), { message: 'the total follows the slider' })
    .toBeLessThan(before);
  if (plan.grades) await expect(figure(page, '情景等级 Scenario grade')).toContainText(plan.grades[1]);
  const after = await number(page, '情景总分 Scenario total');
  await expectNoHorizontalScroll(page);

  // Saved with a name, it reopens from the list with the same inputs and outcome.
  const name = `No money for ${plan.line.split(' ')[0]} (${testInfo.project.name})`;
  await page.getByLabel('情景名称 Scenario name').fill(name);
  await page.getByRole('button', { name: '保存情景 Save scenario', exact: true }).click();
  await expect(page.getByText(new RegExp(`已保存情景「${name.replace(/[()]/g, '\\$&')}」`))).toBeVisible();
  await expect(page).toHaveURL(/\?scenario=\d+/);
  const link = page.url();

  await page.goto(`/departments/${plan.code}/whatif/${YEAR}`);
  await expect(figure(page, '情景总分 Scenario total')).toHaveText(/\d+\.\d\d/);
  expect(await number(page, '情景总分 Scenario total')).toBeCloseTo(before, 2);
  const saved = page.getByRole('list', { name: '已保存的情景 Saved scenarios' }).getByRole('listitem').filter({ hasText: name });
  await saved.getByRole('button', { name: /^打开 Open/ }).click();
  await expect(slider).toHaveValue('0');
  expect(await number(page, '情景总分 Scenario total')).toBeCloseTo(after, 2);

  // The link opens it too.
  await page.goto(link);
  await expect(slider).toHaveValue('0');
});

test('finance runs the province what-if and the final allocations sum to the pool', async ({ page }) => {
  await logIn(page, 'finance');
  await page.goto('/whatif/province/2025');
  const table = page.getByRole('table', { name: '各部门分配 Allocation by department' });
  await expect(table).toBeVisible();
  const yuan = async (name: string) => ((await figure(page, name).textContent()) ?? '').trim();
  const sumOfFinals = async () => {
    const cells = await table.locator('tbody td[data-label="最终分配 Final"]').allTextContents();
    return cells.reduce((sum, text) => sum + Math.round(parseFloat(text.replace(/[^\d.-]/g, '')) * 100), 0);
  };
  for (const step of ['as the grades ask', 'two percent tighter']) {
    if (step !== 'as the grades ask') {
      await page.getByRole('button', { name: '资金池 −2% Pool −2 %' }).click();
    }
    await expect(page.getByText(/合计等于资金池 Sum equals the pool/)).toBeVisible();
    const pool = await yuan('资金池 Pool');
    expect(await yuan('最终分配合计 Total of final allocations')).toBe(pool);
    expect(await sumOfFinals()).toBe(Math.round(parseFloat(pool.replace(/[^\d.]/g, '')) * 100));
  }
  await expectNoHorizontalScroll(page);
});
