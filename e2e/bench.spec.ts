/**
 * The benchmark view in Chromium with WebGPU on SwiftShader: probe, confirm the device, a quick run in the
 * Worker (progress, live plot, the page responsive meanwhile), the result against the spec sheet, every
 * estimate re-computed from it (spec and measured side by side, also through a share link), a valid JSON
 * download, llama-bench calibration, results kept in IndexedDB and imported from a file; and Cancel mid-run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDevice, ResultDocumentSchema } from '@cliffbench/core';
import { expect, type Page, test } from '@playwright/test';
import { figureOf } from './figures.js';
import { shot } from './screenshots.js';

const rtx3060 = findDevice('rtx 3060 12gb');

async function confirmDevice(page: Page, query: string, name: RegExp) {
  const box = page.getByRole('combobox', { name: 'This is my' });
  await box.fill(query);
  await page.getByRole('option', { name }).click();
  await expect(box).toHaveValue(name);
}

test('the quick benchmark runs in SwiftShader, calibrates every estimate, and its JSON is valid', async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  await page.goto('/?model=gemma-4-e4b&quant=Q4_K_M&device=geforce-rtx-4090&ram=32&ctx=8192#bench');
  await expect(page.getByTestId('probe')).toContainText('swiftshader');
  await expect(page.getByTestId('software-adapter')).toBeVisible();
  await confirmDevice(page, '3060 12gb', /GeForce RTX 3060 12GB/);
  await page.screenshot({ path: shot('bench-probe.png'), fullPage: true });

  await page.getByTestId('run').click();
  await expect(page.getByTestId('phase')).toBeVisible();
  await expect(page.getByTestId('live-plot')).toBeVisible({ timeout: 120_000 });
  // The run is in a Worker: the estimate view answers while it goes on.
  await page.getByRole('link', { name: 'Estimate' }).first().click();
  await page.getByLabel('Context length (tokens)').selectOption('16384');
  await expect(page).toHaveURL(/ctx=16384/);
  await expect(page.getByTestId('decode')).toBeVisible();
  await page.getByRole('link', { name: 'Benchmark' }).first().click();
  await page.screenshot({ path: shot('bench-running.png'), fullPage: true });

  await expect(page.getByTestId('bench-result')).toBeVisible({ timeout: 400_000 });
  const measured = Number.parseFloat((await page.getByTestId('measured-bandwidth').textContent()) ?? '');
  expect(measured).toBeGreaterThan(0);
  expect(measured).toBeLessThan(rtx3060.bandwidthGBs);
  await expect(page.getByTestId('fits').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('calibrated-side-by-side')).toContainText('Spec sheet');
  await page.screenshot({ path: shot('bench-result.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
  expect(download.suggestedFilename()).toMatch(/^cliffbench-geforce-rtx-3060-12gb-.*\.json$/);
  expect(doc.adapter.architecture).toBe('swiftshader');
  expect(doc.claimedDevice).toEqual({ deviceId: rtx3060.id, name: rtx3060.name });
  expect(doc.fits.length).toBeGreaterThan(0);

  // Every estimate now shows the measured figures beside the spec ones; SwiftShader is far slower than a 3060.
  await page.getByRole('link', { name: 'Estimate' }).first().click();
  await expect(page.getByTestId('calibration-banner')).toContainText('Calibrated');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('gemma-4-e4b');
  await expect(page.getByRole('combobox', { name: 'GPU or Apple chip' })).toHaveValue(rtx3060.name);
  expect(await figureOf(page, 'decode-calibrated')).toBeLessThan(await figureOf(page, 'decode'));
  await expect(page.getByTestId('gemma-table')).toContainText('Measured tok/s');
  await page.screenshot({ path: shot('estimate-calibrated.png'), fullPage: true });

  const link = page.url();
  expect(link).toMatch(/cal=geforce-rtx-3060-12gb/);
  expect(link).toMatch(/gbw=/);
  const other = await browser.newContext();
  const shared = await other.newPage();
  await shared.goto(link);
  await expect(shared.getByTestId('decode-calibrated')).toHaveText(
    (await page.getByTestId('decode-calibrated').textContent()) ?? '',
  );
  await other.close();

  // llama-bench tokens/s calibrate further (η and t0 replace the WebGPU bandwidth).
  await page.getByRole('link', { name: 'Benchmark' }).first().click();
  await page.getByText('Calibrate further with llama-bench tokens/s').click();
  await page.getByLabel('tg128 tok/s').first().fill('95');
  await page.getByRole('button', { name: 'Fit and apply' }).click();
  await expect(page.getByTestId('llama-bench-status')).toContainText('Applied');
  await expect(page).toHaveURL(/eta=/);

  // Kept in this browser across reloads; a result file from another machine is imported and compared locally.
  await page.reload();
  await expect(page.getByTestId('saved-result')).toHaveCount(1);
  const file = join(tmpdir(), `cliffbench-other-${Date.now()}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...doc,
      createdAt: '2026-01-01T00:00:00.000Z',
      claimedDevice: { name: 'Another machine' },
    }),
  );
  await page.getByTestId('import-results').setInputFiles(file);
  await expect(page.getByTestId('import-status')).toContainText('Imported');
  await expect(page.getByTestId('saved-result')).toHaveCount(2);
  await page.getByTestId('saved-result').first().getByRole('checkbox').check();
  await expect(page.getByTestId('local-compare').locator('thead th')).toHaveCount(3);
  await expect(page.getByTestId('local-compare')).toContainText('Another machine');
  await page.getByTestId('saved-results').screenshot({ path: shot('bench-saved-compare.png') });
});

test('a running benchmark can be cancelled mid-run, the page paints at once, and it runs again', async ({
  page,
}) => {
  await page.goto('/#bench');
  await expect(page.getByTestId('probe')).toBeVisible();
  await page.getByTestId('run').click();
  // Cancel while the GPU is busiest: large working sets, SwiftShader on every core.
  await expect(page.getByTestId('phase')).toContainText(/ceiling|Tuning the GEMV/, { timeout: 120_000 });
  // From the click to the second animation frame after it, and to a screenshot (which needs a frame too):
  // the page is drawn through the GPU process, which SwiftShader's queued WebGPU work shares. A screenshot
  // once waited minutes here behind work queued before Cancel; now at most MAX_QUEUED_SECONDS is queued.
  const clicked = Date.now();
  const frameMs = await page.getByTestId('cancel').evaluate(
    (button: HTMLButtonElement) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        button.click();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      }),
  );
  await page.screenshot({ timeout: 10_000 });
  console.log(`Cancel → next frame ${frameMs.toFixed(0)} ms, → screenshot ${Date.now() - clicked} ms`);
  await expect(page.getByTestId('run-error')).toContainText(/cancelled/i);
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('bench-result')).toHaveCount(0);
  await page.screenshot({ path: shot('bench-cancelled.png'), fullPage: true });

  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('phase')).toContainText(/Sweeping|ceiling/, { timeout: 60_000 });
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('run-error')).toContainText(/cancelled/i);
});
