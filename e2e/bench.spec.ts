import { readFileSync } from 'node:fs';
import { ResultDocumentSchema } from '@cliffbench/core';
import { expect, test } from '@playwright/test';
import { shot } from './screenshots.js';

test('the quick benchmark runs in SwiftShader, shows its result, calibrates the estimates and downloads valid JSON', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.goto('/?model=gemma-4-26b-a4b#bench');
  await expect(page.getByTestId('probe')).toContainText('swiftshader');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('phase')).toBeVisible();
  await expect(page.getByTestId('bench-result')).toBeVisible({ timeout: 400_000 });
  await page.screenshot({ path: shot('bench-result.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = await download.path();
  const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  expect(doc.adapter.architecture).toBe('swiftshader');
  expect(doc.fits.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Estimate' }).click();
  await expect(page.getByTestId('decode-calibrated')).toBeVisible();

  // Upload it, store another machine's result through the API, and compare the two side by side.
  await page.getByRole('link', { name: 'Benchmark' }).click();
  await page.getByTestId('upload').click();
  await expect(page.getByTestId('upload-link')).toBeVisible();
  const other = {
    ...doc,
    createdAt: new Date(Date.parse(doc.createdAt) - 60_000).toISOString(),
    claimedDevice: { name: 'Another machine' },
  };
  expect((await page.request.post('/api/results', { data: other })).status()).toBe(201);
  await page.getByTestId('upload-link').click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByRole('row', { name: /Another machine/ })).toBeVisible();
  await compare
    .getByRole('row', { name: /Another machine/ })
    .getByRole('button', { name: 'add to comparison' })
    .click();
  await expect(page.getByTestId('side-by-side').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('leaderboard').getByRole('row', { name: /Another machine/ })).toBeVisible();
  await page.screenshot({ path: shot('compare.png'), fullPage: true });
});

test('a running benchmark can be cancelled', async ({ page }) => {
  await page.goto('/#bench');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('phase')).toBeVisible();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('bench-error')).toContainText(/cancelled/, { timeout: 60_000 });
  await expect(page.getByTestId('run')).toBeEnabled();
});
