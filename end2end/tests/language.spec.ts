import { test, expect, Page } from '@playwright/test';
import { PASSWORD } from './support';

/** The main navigation in either language, opened first on a phone. */
async function nav(page: Page) {
  const menu = page.getByRole('button', { name: /^(Menu|菜单)$/ });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') {
    await menu.click();
  }
  return page.getByRole('navigation', { name: /^(Main|主导航)$/ });
}

// Chinese and English: the browser's language first, then the reader's choice, remembered;
// the server's messages follow the choice; money and dates are written for the language.

test('a reader switches to Chinese, the page changes, and the choice is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect((await nav(page)).getByRole('link', { name: 'Departments', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const chinese = await nav(page);
  await expect(chinese.getByRole('link', { name: '部门', exact: true })).toBeVisible();
  await expect(chinese.getByRole('link', { name: 'Departments', exact: true })).toHaveCount(0);

  // Remembered across a reload and on another page of the app.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/departments');
  await expect((await nav(page)).getByRole('link', { name: '部门', exact: true })).toBeVisible();

  // …and back.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect((await nav(page)).getByRole('link', { name: 'Departments', exact: true })).toBeVisible();
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('gets Chinese without choosing, and the server answers in Chinese', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
    // A bad login: the message comes from the server, in the reader's language.
    await page.getByLabel(/用户名/).fill('nobody');
    await page.getByLabel(/密码/).fill(`${PASSWORD}-wrong`);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(/[\u4e00-\u9fff]/);
    await expect(page.getByRole('alert')).not.toContainText(/wrong username or password/i);
  });

  test('reads the portal in Chinese, with money in 亿元, and can switch it', async ({ page }) => {
    await page.goto('/open/2024');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2024 年度部门整体绩效');
    await expect(page.locator('.figures').first()).toContainText('亿元');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Department performance results 2024');
    await expect(page.locator('.figures').first()).toContainText('billion');
    await expect(page.locator('.figures').first()).not.toContainText('亿元');
  });
});
