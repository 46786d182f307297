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
  const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
  expect(doc.adapter.architecture).toBe('swiftshader');
  expect(doc.fits.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Estimate' }).click();
  await expect(page.getByTestId('decode-calibrated')).toBeVisible();
});

test('a running benchmark can be cancelled', async ({ page }) => {
  await page.goto('/#bench');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('phase')).toBeVisible();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('bench-error')).toContainText(/cancelled/, { timeout: 60_000 });
  await expect(page.getByTestId('run')).toBeEnabled();
});
