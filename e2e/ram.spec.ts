/**
 * The RAM benchmark in Chromium: it measures this machine's RAM with WebAssembly SIMD in Workers, and the
 * measured read bandwidth recalibrates the slow side of the cliff — the RAM-held layers of a Gemma 4 31B that
 * does not fit a 12 GB card, and on any other card chosen afterwards. The figures before and after are
 * printed for the record.
 */
import { expect, test } from '@playwright/test';
import { figureOf } from './figures.js';
import { shot } from './screenshots.js';

test('the RAM benchmark measures this machine and recalibrates a partially offloaded Gemma 4 31B', async ({
  page,
}) => {
  await page.goto('/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192');
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'partial-offload');
  await expect(page.getByTestId('decode-calibrated')).toHaveCount(0);
  const before = await figureOf(page, 'decode');

  await page.getByRole('link', { name: 'Benchmark' }).first().click();
  await page.getByTestId('ram-run').click();
  await expect(page.getByTestId('ram-phase')).toBeVisible();
  await expect(page.getByTestId('ram-result')).toBeVisible({ timeout: 300_000 });
  const best = /Read:\s*([\d.]+) GB\/s with (\d+) worker/.exec(
    (await page.getByTestId('ram-best').textContent()) ?? '',
  );
  const readGBs = Number.parseFloat(best?.[1] ?? 'NaN');
  expect(readGBs).toBeGreaterThan(1);
  await page.screenshot({ path: shot('ram-result.png'), fullPage: true });

  await page.getByRole('link', { name: 'Estimate' }).first().click();
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'partial-offload');
  await expect(page.getByTestId('basis-calibrated')).toContainText(/measured RAM bandwidth [\d.]+ GB\/s/);
  await expect(page.getByTestId('basis')).toContainText(/RAM [\d.]+ GB\/s spec/);
  const after = await figureOf(page, 'decode-calibrated');
  // Same inputs, only the RAM figure changed: the spec estimate stays, the calibrated one follows the RAM.
  expect(await figureOf(page, 'decode')).toBe(before);
  expect(after).toBeGreaterThan(0);
  expect(after).not.toBe(before);
  console.log(
    `31B Q4_K_M, RTX 3060 12GB, 32 GB, 8k context: ${before} tok/s with DDR4-3200 spec (51.2 GB/s × η), ` +
      `${after} tok/s with the measured ${readGBs} GB/s read (${best?.[2]} workers)`,
  );
  await page.screenshot({ path: shot('ram-calibrated-estimate.png'), fullPage: true });

  // The RAM is this machine's whatever GPU the estimate imagines in it: another card keeps the measured RAM.
  const device = page.getByRole('combobox', { name: 'GPU or Apple chip' });
  await device.fill('rtx 4060 ti 16');
  await page.getByRole('option', { name: /GeForce RTX 4060 Ti 16GB/ }).click();
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'partial-offload');
  await expect(page.getByTestId('basis-calibrated')).toContainText(/measured RAM bandwidth [\d.]+ GB\/s/);
  await expect(page.getByTestId('basis-calibrated')).not.toContainText('measured GPU bandwidth');
  await expect(page.getByTestId('calibration-banner')).toContainText('your measured RAM');
});
