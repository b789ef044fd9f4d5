import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

// The open data of a published year is a valid Frictionless Tabular Data Package, checked
// with the Frictionless framework's own validator (installed by the test command); an
// unpublished year has none.
const frictionless = path.resolve(__dirname, '../../tools/venv/bin/frictionless');

test('the published year is a valid data package; an unpublished one does not exist', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the same file for every viewport');
  const response = await request.get('/api/public/years/2024/open-data.zip');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/zip');
  const zip = testInfo.outputPath('open-data-2024.zip');
  writeFileSync(zip, await response.body());
  // Throws (and fails the test) on a non-zero exit: any invalid row, type or descriptor.
  const report = execFileSync(frictionless, ['validate', '--json', zip], { encoding: 'utf8' });
  const result = JSON.parse(report);
  expect(result.valid).toBe(true);
  const tasks = result.tasks as { name: string; valid: boolean; stats: { rows: number } }[];
  expect(tasks.map((t) => t.name).sort()).toEqual(['budget', 'results']);
  for (const task of tasks) expect(task.stats.rows).toBeGreaterThan(100);

  for (const file of ['open-data.zip', 'datapackage.json', 'budget.csv', 'results.csv']) {
    expect((await request.get(`/api/public/years/2025/${file}`)).status()).toBe(404);
  }
});
