import { test, expect, Page } from '@playwright/test';
import { expectNoHorizontalScroll } from './support';

test('a deep link to the department list shows the demo province', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // An anonymous visitor's `GET /api/auth/me` is answered 401, which Chromium logs.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
  });

  await page.goto('/departments');
  await expect(page.getByRole('heading', { level: 1, name: /Departments/ })).toBeVisible();
  const list = page.getByRole('list', { name: /Departments/ });
  await expect(list.getByRole('link').first()).toBeVisible();
  expect(await list.getByRole('link').count()).toBeGreaterThanOrEqual(12);
  await expect(list.getByRole('link', { name: /Department of Education/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(errors, 'no script errors or CSP violations').toEqual([]);
});

test('a department deep link shows its units and last published grade', async ({ page }) => {
  await page.goto('/departments');
  const link = page
    .getByRole('list', { name: /Departments/ })
    .getByRole('link', { name: /Department of Education/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/departments\/[A-Z]+$/);

  await page.goto(href!); // a fresh load of the client route
  await expect(page.getByRole('heading', { level: 1, name: /Department of Education/ })).toBeVisible();
  await expect(page.getByText(/Budget units/).first()).toBeVisible();
  await expect(page.getByText(/2024/).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('the home page reports the service status and lists the departments', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jixiao');
  const status = page.getByRole('region', { name: /Service status/ });
  await expect(status.getByText(/Operational/)).toBeVisible();
  const list = page.getByRole('list', { name: /Departments/ });
  expect(await list.getByRole('link').count()).toBeGreaterThanOrEqual(12);
  await expectNoHorizontalScroll(page);
});

test('an unknown client route shows the 404 page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: /Page not found/ })).toBeVisible();
  await page.getByRole('link', { name: /Back to home/ }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('navigation is open on a desktop', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'desktop layout');
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^Menu/ })).toBeHidden();
  const nav = page.getByRole('navigation', { name: /main/i });
  await nav.getByRole('link', { name: /Departments/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Departments/ })).toBeVisible();
});

test('navigation collapses on a phone and opens from the menu button', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'phone layout');
  await page.goto('/');
  const menu = page.getByRole('button', { name: /^Menu/ });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const nav = page.getByRole('navigation', { name: /main/i });
  await expect(nav.getByRole('link', { name: /Departments/ })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: /Departments/ }).click();
  await expect(page).toHaveURL(/\/departments$/);
  await expect(page.getByRole('heading', { level: 1, name: /Departments/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
