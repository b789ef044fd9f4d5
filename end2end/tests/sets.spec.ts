import { test, expect, Page, Browser, TestInfo } from '@playwright/test';
import { PASSWORD, CSRF, logIn, expectNoHorizontalScroll, secondUser } from './support';

// The two projects run in parallel against one server and database, so each builds the
// set of its own department. Finance opens FY2028 (the other project may have done so).
const YEAR = 2028;

interface Pick {
  search: string;
  name: string;
  target: number;
  points: number;
}

const DEPARTMENTS: Record<string, { code: string; head: string; picks: Pick[] }> = {
  desktop: {
    code: 'EDU',
    head: 'edu.head',
    picks: [
      {
        search: '资助家庭',
        name: 'Person-times of financial aid to students from families in financial difficulty',
        target: 45,
        points: 50,
      },
      { search: '毛入学率', name: 'Gross enrolment ratio in higher education', target: 66, points: 30 },
      { search: '服务对象满意度', name: "Service recipients' satisfaction", target: 90, points: 10 },
    ],
  },
  phone: {
    code: 'TRANS',
    head: 'trans.head',
    picks: [
      {
        search: '普通国省道',
        name: 'Ordinary national and provincial trunk roads newly built or upgraded',
        target: 500,
        points: 50,
      },
      { search: '公交一体化', name: 'Urban-rural public transport integration rate', target: 95, points: 30 },
      { search: '服务对象满意度', name: "Service recipients' satisfaction", target: 90, points: 10 },
    ],
  },
};

const status = (page: Page) => page.getByText(/^Status:/);

test('a head builds a set from the library; finance returns it, then approves the fix', async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const dept = DEPARTMENTS[testInfo.project.name];
  const setUrl = `/departments/${dept.code}/sets/${YEAR}`;

  const login = await request.post('/api/auth/login', {
    data: { username: 'finance', password: PASSWORD },
    headers: CSRF,
  });
  expect(login.ok()).toBeTruthy();
  const opened = await request.post('/api/years', { data: { year: YEAR }, headers: CSRF });
  expect([201, 409]).toContain(opened.status());

  // The head starts an empty set: only the budget execution rate, 10 points.
  await logIn(page, dept.head);
  await page.goto(setUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/No indicator set yet/);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(YEAR));
  const left = page.getByRole('status').filter({ hasText: 'Points left' });
  await expect(left).toHaveText('Points left: 90');
  await expect(page.getByRole('heading', { name: /^\d+ problems?$/ })).toBeVisible();

  // Indicators from the library: common and the sector's templates.
  await page.getByRole('button', { name: /Add from library/ }).click();
  const library = page.getByRole('region', { name: /Indicator library/ });
  await expect(library.getByLabel(/Search/)).toBeFocused();
  for (const pick of dept.picks) {
    await library.getByLabel(/Search/).fill(pick.search);
    await library.getByRole('button', { name: new RegExp(`Add ${pick.name}`) }).click();
    await expect(library.getByRole('button', { name: new RegExp(`Added ${pick.name}`) })).toBeDisabled();
  }
  await library.getByRole('button', { name: /Close/ }).click();
  await expect(library).toHaveCount(0);

  // A new row has no target: the problem shows at the field and in the summary, whose
  // entry takes the focus there.
  const [first] = dept.picks;
  const firstTarget = page.getByLabel(new RegExp(`Target — ${first.name}`));
  await expect(firstTarget).toHaveAttribute('aria-invalid', 'true');
  await page
    .getByRole('button', { name: new RegExp(`${first.name} · Target: give a target`) })
    .click();
  await expect(firstTarget).toBeFocused();

  for (const pick of dept.picks) {
    await page.getByLabel(new RegExp(`Target — ${pick.name}`)).fill(String(pick.target));
    await page.getByLabel(new RegExp(`Points — ${pick.name}`)).fill(String(pick.points));
  }
  await expect(left).toHaveText('Points left: 0');
  await expect(page.getByRole('heading', { name: /No problems/ })).toBeVisible();
  await expect(firstTarget).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(status(page)).toContainText('Submitted');

  // Finance returns it with a comment.
  const comment = `请细化${dept.code}的产出目标 Break the output targets down`;
  const finance = await secondUser(browser, page, testInfo, 'finance');
  await finance.goto(setUrl);
  await expect(status(finance)).toContainText('Submitted');
  await finance.getByLabel(/Comment/).fill(comment);
  await finance.getByRole('button', { name: /Return/ }).click();
  await expect(status(finance)).toContainText('Returned');

  // The head sees the comment, changes a target, saves and resubmits.
  await page.reload();
  await expect(page.getByRole('note', { name: /Returned for changes/ })).toContainText(comment);
  const fixed = first.target + 5;
  await page.getByLabel(new RegExp(`Target — ${first.name}`)).fill(String(fixed));
  await expect(page.getByRole('button', { name: /Submit/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(status(page)).toContainText('Submitted');
  await expectNoHorizontalScroll(page);

  // Finance approves, and compares the returned step with the approved one.
  await finance.reload();
  await expect(status(finance)).toContainText('Submitted');
  await finance.getByRole('button', { name: /Approve/ }).click();
  await expect(status(finance)).toContainText('Approved');
  const history = finance.getByRole('region', { name: /History/ });
  const steps = history.getByRole('checkbox');
  await expect(steps.first()).toHaveAccessibleName(/Approved/);
  await steps.nth(0).check();
  await steps.nth(2).check();
  await history.getByRole('button', { name: /Compare/ }).click();
  const comparison = history.getByRole('region', { name: /Comparison/ });
  await expect(comparison).toContainText(first.name);
  await expect(comparison).toContainText(`${first.target} → ${fixed}`);
  await expectNoHorizontalScroll(finance);

  await page.reload();
  await expect(status(page)).toContainText('Approved');
  await finance.context().close();
});

// Next year's sets as seeded: EDU's is a draft, TRANS's was returned; both are editable.
const EDITORS: Record<string, { code: string; users: [string, string]; name: string }> = {
  desktop: {
    code: 'EDU',
    users: ['edu.staff', 'edu.head'],
    name: 'Person-times of financial aid to students from families in financial difficulty',
  },
  phone: {
    code: 'TRANS',
    users: ['trans.staff', 'trans.head'],
    name: 'Ordinary national and provincial trunk roads newly built or upgraded',
  },
};

test('a save over someone else’s change is refused, and Reload shows their version', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const { code, users, name } = EDITORS[testInfo.project.name];
  const setUrl = `/departments/${code}/sets/2027`;
  await logIn(page, users[0]);
  await page.goto(setUrl);
  const baseline = page.getByLabel(new RegExp(`Baseline — ${name}`));
  await expect(baseline).toBeVisible();

  const other = await secondUser(browser, page, testInfo, users[1]);
  await other.goto(setUrl);
  const theirs = String(1000 + Math.floor(Math.random() * 1000));
  await other.getByLabel(new RegExp(`Baseline — ${name}`)).fill(theirs);
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await baseline.fill('1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this set' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: /Reload/ }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByLabel(new RegExp(`Baseline — ${name}`))).toHaveValue(theirs);
  await expectNoHorizontalScroll(page);
  await other.context().close();
});
