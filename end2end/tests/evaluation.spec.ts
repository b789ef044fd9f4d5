import { test, expect, Page } from '@playwright/test';
import { logIn, expectNoHorizontalScroll, secondUser } from './support';

// Year-end evaluation of FY2025 (in the demo, Education and Transport have not started):
// the head completes the self-evaluation, finance overrides and grades it, the grade changes,
// an accountability case opens for a project whose indicators all fell short, and finance
// closes it with a resolution. Each project works on its own department.

const YEAR = 2025;

interface Plan {
  code: string;
  head: string;
  /** Rated "not achieved" by the department itself. */
  qualitative?: string;
  /** Finance's overrides: indicator (English name) → actual. */
  overrides: Record<string, string>;
  /** The grade before and after finance's overrides, if the figures make it certain. */
  grades?: [RegExp, RegExp];
  /** The project line whose indicators all fall short. */
  line: string;
}

const PLANS: Record<string, Plan> = {
  // 87.8 (Good) by the department; an examination incident costs 10 points → 77.8 (Fair);
  // the examinations fund pays for that indicator and the (not achieved) framework.
  desktop: {
    code: 'EDU',
    head: 'edu.head',
    qualitative: 'Institutional framework for the digital transformation of education',
    overrides: { 'Major security incidents in national education examinations': '1' },
    grades: [/Good/, /Fair/],
    line: 'EDU-P04',
  },
  // The bridges fund pays for rebuilt bridges and vehicle deaths: finance finds both missed.
  phone: {
    code: 'TRANS',
    head: 'trans.head',
    overrides: { 'Dilapidated bridges rebuilt': '0', 'Deaths per 10,000 commercial vehicles': '99' },
    line: 'TRANS-P04',
  },
};

const scoreBox = (page: Page, n: number) => page.locator('.eval-score-box').nth(n);
/** A form's status message. */
const said = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text });

test('a head self-evaluates, finance overrides and grades, and a case is opened and closed', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const plan = PLANS[testInfo.project.name];
  const url = `/departments/${plan.code}/evaluation/${YEAR}`;

  // The head starts from monitoring's year-end values, rates and explains.
  await logIn(page, plan.head);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`FY${YEAR}`);
  if (plan.qualitative) {
    await page.getByLabel(`Rating — ${plan.qualitative}`).selectOption('not_achieved');
  }
  const causes = page.getByLabel(/^Cause of deviation — /);
  await expect(causes.first()).toBeVisible();
  for (const cause of await causes.all()) {
    await cause.fill('受项目实施条件影响 / Held back by site conditions');
  }
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('button', { name: 'Sign off' }).click();
  await page.getByRole('button', { name: 'Confirm sign-off' }).click();
  await expect(said(page, /Self-evaluation signed off/)).toBeVisible();
  // Read-only for the department from now on.
  await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
  await expect(scoreBox(page, 0)).toContainText(/\d+\.\d\d/);
  const selfText = (await scoreBox(page, 0).textContent()) ?? '';
  const selfTotal = parseFloat(selfText.match(/\d+\.\d\d/)![0]);
  if (plan.grades) await expect(scoreBox(page, 0)).toContainText(plan.grades[0]);
  await expectNoHorizontalScroll(page);

  // Finance overrides with a reason; the server's total and grade follow.
  const finance = await secondUser(browser, page, testInfo, 'finance');
  await finance.goto(url);
  const names = Object.keys(plan.overrides);
  for (const name of names) {
    await finance.getByLabel(`Finance actual — ${name}`).fill(plan.overrides[name]);
    await finance.getByLabel(`Reason — ${name}`).fill('Inspection report of the supervision bureau');
  }
  await finance.getByRole('button', { name: 'Save re-evaluation' }).click();
  await expect(said(finance, /Re-evaluation saved/)).toBeVisible();
  await expect(scoreBox(finance, 1)).toContainText(/\d+\.\d\d/);
  const finalTotal = parseFloat(((await scoreBox(finance, 1).textContent()) ?? '').match(/\d+\.\d\d/)![0]);
  expect(finalTotal).toBeLessThan(selfTotal);
  if (plan.grades) await expect(scoreBox(finance, 1)).toContainText(plan.grades[1]);

  await finance.getByRole('button', { name: 'Finalise grade and apply results' }).click();
  await finance.getByRole('button', { name: 'Confirm: finalise' }).click();
  await expect(said(finance, /Grade finalised and results applied/)).toBeVisible();
  const results = finance.getByRole('region', { name: /Results application/ });
  await expect(results).toContainText(/Ineffective spending/);
  await expect(results).toContainText(plan.line);
  await expectNoHorizontalScroll(finance);

  // Finance takes the case on and closes it with a resolution.
  await finance.goto(`/cases?year=${YEAR}&department=${plan.code}`);
  const card = finance.getByRole('article').filter({ hasText: plan.line });
  await expect(card).toBeVisible();
  await card.getByLabel('Owner').fill('监督检查处 Supervision division');
  await card.getByLabel('Status').selectOption('closed');
  await card.getByRole('button', { name: 'Save' }).click();
  // Closing needs a resolution.
  await expect(card.getByText(/resolution/i).first()).toBeVisible();
  await card.getByLabel('Resolution').fill('Funds recovered and the project manager reprimanded.');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card).toContainText(/Closed/);
  await expect(card).toContainText(/Funds recovered/);
  await expectNoHorizontalScroll(finance);
  await finance.context().close();
});
