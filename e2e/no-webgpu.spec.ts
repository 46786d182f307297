/**
 * Browsers that cannot run the GPU benchmark: WebGPU switched off, and a page opened from a host that is not a
 * secure context. Each gets an explanation it can act on, and the estimates keep working on spec figures.
 */
import { chromium, expect, test } from '@playwright/test';
import { figureOf } from './figures.js';
import { BASE_FLAGS, CHROMIUM, PORT } from './playwright.config.js';
import { shot } from './screenshots.js';

const SEED = '/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192';

test('a browser launched without WebGPU gets the explanation and working estimates', async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_FLAGS, '--disable-webgpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}${SEED}#bench`);
    const why = page.getByTestId('bench-error');
    await expect(why).toContainText(/WebGPU/);
    await expect(why).toContainText('The estimates keep working');
    await expect(why.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByTestId('run')).toHaveCount(0);
    await page.screenshot({ path: shot('bench-no-webgpu.png'), fullPage: true });
    await page.getByRole('link', { name: 'Estimate' }).first().click();
    await expect(page.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
    expect(await figureOf(page, 'decode')).toBeGreaterThan(0);
  } finally {
    await browser.close();
  }
});

test('a page opened from a host that is not a secure context says WebGPU needs https or localhost', async () => {
  // "cliffbench.test" resolves to this machine but, unlike localhost, is not a secure context over http.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...BASE_FLAGS, '--enable-unsafe-webgpu', '--host-resolver-rules=MAP cliffbench.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://cliffbench.test:${PORT}${SEED}#bench`);
    expect(await page.evaluate(() => (globalThis as { isSecureContext?: boolean }).isSecureContext)).toBe(
      false,
    );
    await expect(page.getByTestId('bench-error')).toHaveAttribute('data-reason', 'insecure-context');
    await expect(page.getByTestId('bench-error')).toContainText('localhost');
    await page.getByRole('link', { name: 'Estimate' }).first().click();
    await expect(page.getByTestId('decode')).toBeVisible();
  } finally {
    await browser.close();
  }
});
