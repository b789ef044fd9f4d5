import { test, expect } from '@playwright/test';
import { promises as fs } from 'node:fs';
import { logIn, expectNoHorizontalScroll } from './support';

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
