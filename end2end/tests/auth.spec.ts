import { test, expect, Page } from '@playwright/test';
import { PASSWORD, submitLogin, mainNav } from './support';


const NAVIGATION: Record<string, { shown: RegExp[]; hidden: RegExp[] }> = {
  finance: { shown: [/Accounts/, /Audit log/], hidden: [/My department/] },
  assessment: { shown: [/Audit log/], hidden: [/Accounts/, /My department/] },
  'edu.head': { shown: [/My department/], hidden: [/Accounts/, /Audit log/] },
  'edu.staff': { shown: [/My department/], hidden: [/Accounts/, /Audit log/] },
  'health.staff': { shown: [/My department/], hidden: [/Accounts/, /Audit log/] },
};

for (const [username, nav] of Object.entries(NAVIGATION)) {
  test(`${username} logs in and sees the navigation of the role`, async ({ page }) => {
    await submitLogin(page, username);
    await expect(page).toHaveURL(/\/$/);
    const links = await mainNav(page);
    for (const name of nav.shown) await expect(links.getByRole('link', { name })).toBeVisible();
    for (const name of nav.hidden) await expect(links.getByRole('link', { name })).toHaveCount(0);
    await expect(links.getByRole('link', { name: /Log in/ })).toHaveCount(0);
  });
}

test('the public sees only public navigation and a login link', async ({ page }) => {
  await page.goto('/');
  const links = await mainNav(page);
  await expect(links.getByRole('link', { name: /Departments/ })).toBeVisible();
  for (const name of [/Accounts/, /Audit log/, /My department/]) {
    await expect(links.getByRole('link', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: /Log in/ }).first()).toBeVisible();
});

test("another department's draft opened by URL is not allowed, and the API said 403", async ({ page }) => {
  await submitLogin(page, 'health.staff');
  await expect(page).toHaveURL(/\/$/);
  const api = page.waitForResponse((r) => r.url().endsWith('/api/departments/EDU/sets/2027'));
  await page.goto('/departments/EDU/sets/2027');
  expect((await api).status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText(/not allowed/i);
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('a department opens its own draft', async ({ page }) => {
  await submitLogin(page, 'edu.staff');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/departments/EDU/sets/2027');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2027');
  await expect(page.getByText(/Draft/).first()).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
});

test('a protected page sends the public to login and back', async ({ page }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Faudit|\/login\?next=\/audit/);
  await page.getByLabel(/Username/).fill('assessment');
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /Log in/ }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('table').first()).toBeVisible();
});

test('a wrong password is refused next to the form', async ({ page }) => {
  await submitLogin(page, 'finance', 'not the right password');
  await expect(page.getByRole('alert')).toContainText(/wrong username or password/i);
  await expect(page).toHaveURL(/\/login/);
});

test('finance creates an account; its user must set a new password first', async ({ page }, testInfo) => {
  const username = `e2e.${testInfo.project.name}.${Date.now() % 100000}`;
  await submitLogin(page, 'finance');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/accounts');
  const form = page.getByRole('form', { name: /New account/ });
  await form.getByLabel(/Username/).fill(username);
  await form.getByLabel(/Display name/).fill('E2E 测试');
  await form.getByLabel(/Role/).selectOption('assessment');
  await form.getByLabel(/Password/).fill('temporary lantern 9081');
  await form.getByRole('button', { name: /Create/ }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();

  // Log out through the user menu.
  const menu = page.getByRole('button', { name: /财政部门|finance/i });
  await menu.click();
  await page.getByRole('button', { name: /Log out/ }).click();

  await submitLogin(page, username, 'temporary lantern 9081');
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel(/Current password/).fill('temporary lantern 9081');
  await page.getByLabel(/^New password/).fill('my own quiet harbour 12');
  await page.getByLabel(/Confirm/).fill('my own quiet harbour 12');
  await page.getByRole('button', { name: /Change password/ }).click();
  await expect(page).not.toHaveURL(/\/account\/password/);
  const links = await mainNav(page);
  await expect(links.getByRole('link', { name: /Audit log/ })).toBeVisible();
});
