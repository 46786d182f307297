/**
 * The RAM benchmark in Chromium: the panel on the Benchmark view runs the WebAssembly read/copy kernels in
 * Workers, every sum checked against JavaScript, and shows the thread sweep, the cache sweep and the figures
 * (printed here, to compare with a native run such as `sysbench memory` on the same machine).
 */
import { expect, test } from '@playwright/test';
import { shot } from './screenshots.js';

const gbs = (text: string | null, label: RegExp): number =>
  Number.parseFloat(label.exec(text ?? '')?.[1] ?? 'NaN');

test('the RAM benchmark measures read and copy bandwidth for every worker count and shows the cache levels', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#bench');
  const panel = page.getByTestId('ram-bench');
  await panel.getByTestId('ram-run').click();
  await expect(panel.getByTestId('ram-phase')).toBeVisible();
  await expect(panel.getByTestId('ram-result')).toBeVisible({ timeout: 200_000 });
  await expect(panel.getByTestId('ram-error')).toHaveCount(0);

  const best = await panel.getByTestId('ram-best').textContent();
  const bestRead = gbs(best, /Read: ([\d.]+) GB\/s/);
  const singleRead = gbs(best, /([\d.]+) GB\/s single thread/);
  expect(bestRead).toBeGreaterThan(0.5);
  expect(bestRead).toBeGreaterThanOrEqual(singleRead);
  const cores = await page.evaluate(
    () =>
      (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 4,
  );
  const rows = panel.getByTestId('ram-result').locator('tbody tr');
  await expect(rows.first().locator('td').first()).toHaveText('1');
  await expect(rows).toHaveCount(Math.ceil(Math.log2(cores)) + 1);
  await expect(panel.getByRole('listitem').filter({ hasText: /^RAM: / })).toHaveCount(1);
  console.log(`Chromium RAM benchmark (${cores} logical cores): ${best}`);
  console.log((await rows.allTextContents()).join('\n'));
  await page.screenshot({ path: shot('bench-ram.png'), fullPage: true });
});

test('a running RAM benchmark can be cancelled', async ({ page }) => {
  await page.goto('/#bench');
  const panel = page.getByTestId('ram-bench');
  await panel.getByTestId('ram-run').click();
  await expect(panel.getByTestId('ram-phase')).toBeVisible();
  await panel.getByTestId('ram-cancel').click();
  await expect(panel.getByTestId('ram-error')).toContainText(/cancelled/, { timeout: 30_000 });
  await expect(panel.getByTestId('ram-run')).toBeEnabled();
});
