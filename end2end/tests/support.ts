import { expect, Page, Browser, TestInfo } from '@playwright/test';

// What every end2end spec needs: the demo password, signing in, a second user in their own
// browser, the main navigation (behind a menu button on phones) and the no-horizontal-scroll
// check. Both projects (desktop 1280×800, phone 360×740) run at once against one database.

export const PASSWORD = 'jixiao-demo-2026';
export const CSRF = { 'X-Jixiao-Csrf': '1' };

/** Fills the login form; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(/Username/).fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: /Log in/ }).click();
}

/** Signs in and waits until the app has left the login page. */
export async function logIn(page: Page, username: string) {
  await submitLogin(page, username);
  await expect(page).not.toHaveURL(/\/login/);
}

export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page is wider than the viewport').toBeLessThanOrEqual(clientWidth);
}

/** Another user at another desk: their own browser context with the project's viewport. */
export async function secondUser(browser: Browser, page: Page, testInfo: TestInfo, username: string) {
  const context = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    viewport: testInfo.project.use.viewport ?? null,
    isMobile: testInfo.project.use.isMobile,
    hasTouch: testInfo.project.use.hasTouch,
  });
  const other = await context.newPage();
  await logIn(other, username);
  return other;
}

/** The main navigation, opened first on a phone. */
export async function mainNav(page: Page) {
  await expect(page.getByRole('navigation', { name: /main/i })).toBeAttached();
  const menu = page.getByRole('button', { name: /^Menu/i });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  return page.getByRole('navigation', { name: /main/i });
}
