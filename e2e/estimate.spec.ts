import { chromium, expect, test } from '@playwright/test';
import { BASE_FLAGS, CHROMIUM } from './playwright.config.js';
import { shot } from './screenshots.js';

const SEED = '/?model=gemma-4-31b&quant=Q4_K_M&device=GeForce+RTX+3060+12GB&ram=32&ctx=8192';

test('Gemma 4 31B Q4_K_M on an RTX 3060 12GB does not fit and shows the cliff; the share link reproduces it', async ({
  page,
}) => {
  await page.goto(SEED);
  await expect(page.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect(page.getByTestId('regime')).toContainText('partial-offload');
  const decode = await page.getByTestId('decode').textContent();
  expect(Number.parseFloat(decode ?? '')).toBeLessThan(10);
  await expect(page.getByRole('img', { name: /Decode speed against GPU layers/ })).toBeVisible();
  await expect(page.getByText(/most layers that fit at/)).toBeVisible();
  await expect(page.getByTestId('gemma-table').getByRole('row')).toHaveCount(1 + 5 * 4);
  await page.screenshot({ path: shot('estimate-31b-3060.png'), fullPage: true });

  const shared = page.url();
  const second = await page.context().newPage();
  await second.goto(shared);
  await expect(second.getByTestId('decode')).toHaveText(decode ?? '');
  await expect(second.locator('#model')).toHaveValue('gemma-4-31b');
});

test('changing an input updates the estimate and the URL', async ({ page }) => {
  await page.goto(SEED);
  await page.locator('#model').selectOption('gemma-4-e4b');
  await expect(page.getByTestId('fit-status')).toHaveText('Fits in GPU memory');
  expect(page.url()).toContain('model=gemma-4-e4b');
});

test('a browser without WebGPU gets the explanation and working estimates', async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_FLAGS, '--disable-webgpu'],
  });
  const page = await browser.newPage();
  await page.goto(`${test.info().project.use.baseURL}${SEED}#bench`);
  await expect(page.getByTestId('bench-error')).toContainText(/WebGPU/);
  await page.screenshot({ path: shot('bench-no-webgpu.png'), fullPage: true });
  await page.getByRole('link', { name: 'Estimate' }).click();
  await expect(page.getByTestId('decode')).toBeVisible();
  await browser.close();
});
