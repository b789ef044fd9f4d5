import { test, expect } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { logIn, expectNoHorizontalScroll, PASSWORD } from './support';

// Excel in and out on the budget of a year in planning: the template the department
// downloads comes back through Preview (no problems, every line counted) and Import; a file
// that is not a workbook is refused with its problem, and nothing is imported.
const URL = '/departments/EDU/budget/2027';

test('staff download the budget template, preview and import it; a non-xlsx file is refused', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one department, one database: desktop only');
  test.setTimeout(60_000);

  await logIn(page, 'edu.staff');
  await page.goto(URL);
  const excel = page.getByRole('region', { name: /Excel/ });
  await expect(excel).toBeVisible();
  const lines = await page.locator('fieldset.entry-item').count();
  expect(lines).toBeGreaterThan(0);

  // The template, downloaded through its plain link.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    excel.getByRole('link', { name: /Download template/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = testInfo.outputPath('budget-template.xlsx');
  await download.saveAs(template);

  // Import is only possible after a clean preview.
  const preview = excel.getByRole('button', { name: /Preview/ });
  const importButton = excel.getByRole('button', { name: /Import/ });
  await expect(importButton).toBeDisabled();
  await excel.getByLabel(/Choose an Excel file/).setInputFiles(template);
  await preview.click();
  await expect(excel.getByRole('status').filter({ hasText: /no problems/ })).toBeVisible();
  await expect(excel).toContainText(new RegExp(`Lines: ${lines}(?!\\d)`));
  await expect(excel.getByRole('alert')).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(excel.getByRole('status').filter({ hasText: /Imported/ })).toBeVisible();
  await expect(importButton).toBeDisabled();
  // The editor shows the budget as imported: the same lines.
  await expect(page.locator('fieldset.entry-item')).toHaveCount(lines);

  // Not a workbook: the problem in an alert, Import stays off, nothing saved.
  const text = testInfo.outputPath('not-a-workbook.txt');
  await fs.writeFile(text, 'this is not an Excel workbook\n');
  await excel.getByLabel(/Choose an Excel file/).setInputFiles(text);
  await preview.click();
  const alert = excel.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/nothing was saved/);
  await expect(importButton).toBeDisabled();
  await expect(excel.getByRole('status').filter({ hasText: /Imported/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  // The monthly report from Excel, the way a department in Zhejiang works: the page in
  // Chinese, the month's template downloaded with the current figures, previewed and imported.
  test('staff report a month of monitoring from its Excel template', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'one department, one database: phone only');
    test.setTimeout(60_000);

    await page.goto('/login');
    await page.getByLabel(/用户名/).fill('health.staff');
    await page.getByLabel(/^密码/).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto('/departments/HEALTH/monitoring/2026?month=9');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const excel = page.getByRole('region', { name: /Excel/ });
    await expect(excel).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      excel.getByRole('link', { name: '下载模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = testInfo.outputPath('monitoring-template.xlsx');
    await download.saveAs(template);

    const importButton = excel.getByRole('button', { name: '导入', exact: true });
    await expect(importButton).toBeDisabled();
    await excel.getByLabel(/选择Excel文件/).setInputFiles(template);
    await excel.getByRole('button', { name: '预览', exact: true }).click();
    await expect(excel.getByRole('status').filter({ hasText: /预览无问题/ })).toBeVisible();
    await expect(excel.getByRole('alert')).toHaveCount(0);
    // The preview names the month's lines and indicators as the page does, not by id.
    const previewTable = excel.getByRole('table');
    await expect(previewTable).toBeVisible();
    await expect(previewTable).not.toContainText('#');
    await expect(previewTable).toContainText('人员');
    await importButton.click();
    // The page reloads the month and says what was imported.
    await expect(page.getByRole('status').filter({ hasText: '已导入第 9 月数据' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
