/**
 * The estimate view in Chromium against the real server: the seed story (Gemma 4 31B Q4_K_M on an RTX 3060
 * 12GB with 32 GB of RAM) does not fit and shows the cliff, the Gemma 4 table answers "31B or 26B A4B", the
 * share link reproduces the view, every control works from the keyboard, a dropped config.json becomes the
 * model, and the page holds up in the dark theme and at phone width. Screenshots land in e2e/screenshots/.
 */
import { catalogConfig } from '@cliffbench/core';
import { expect, type Page, test } from '@playwright/test';
import { figureOf } from './figures.js';
import { shot } from './screenshots.js';
import { enterSeedScenario } from './seed-inputs.js';

/** Decode tok/s of one row of the Gemma 4 table. */
async function tableDecode(page: Page, model: string, quant: string): Promise<number> {
  const row = page
    .getByTestId('gemma-table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: model, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: quant, exact: true }) });
  return Number.parseFloat((await row.locator('td.num').nth(1).textContent()) ?? '');
}

test('Gemma 4 31B Q4_K_M on an RTX 3060 12GB with 32 GB does not fit, shows the cliff, and its share link reproduces the view', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  // Wait for the idle-time warm-up, so the recompute times logged below are the steady state.
  await page.waitForFunction(() => performance.getEntriesByName('cliffbench:warm').length > 0, undefined, {
    timeout: 60_000,
  });
  await enterSeedScenario(page);

  await expect(page.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'partial-offload');
  await expect(page.getByTestId('memory-bar')).toHaveAttribute(
    'aria-label',
    /^GPU memory: [\d.]+ of 12\.0 GiB: weights/,
  );
  const decode = await figureOf(page, 'decode');
  expect(decode).toBeGreaterThan(0);
  expect(decode).toBeLessThan(10);

  // The cliff: every layer on the GPU would not fit, and everything fits only with more than 12 GB.
  await expect(page.getByTestId('chart-layers')).toContainText(/most layers that fit: \d+/);
  const memory = (await page.getByTestId('chart-memory').locator('.chart-summary').textContent()) ?? '';
  expect(Number.parseFloat(/everything fits from ([\d.]+) GB/.exec(memory)?.[1] ?? 'NaN')).toBeGreaterThan(
    12,
  );
  await expect(page.getByTestId('chart-context').getByRole('img')).toHaveAttribute(
    'aria-label',
    /Decode speed against context length/,
  );

  // The seed's question, answered in one table: 26B A4B beats 31B on this card.
  await expect(page.getByTestId('gemma-table').locator('tbody tr')).toHaveCount(5 * 5);
  expect(await tableDecode(page, 'Gemma 4 26B A4B (MoE)', 'Q4_K_M')).toBeGreaterThan(
    await tableDecode(page, 'Gemma 4 31B', 'Q4_K_M'),
  );
  await page.getByRole('button', { name: 'Decode tok/s' }).click();
  await expect(page.getByRole('columnheader', { name: /Decode tok\/s/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.screenshot({ path: shot('estimate-31b-3060.png'), fullPage: true });
  // The page times each recompute (performance.measure); report them, as figures rather than a timed test.
  const measures = await page.evaluate(() =>
    performance
      .getEntriesByName('cliffbench:recompute')
      .map((m) => `${String((m as { detail?: unknown }).detail)}:${m.duration.toFixed(1)}`),
  );
  test
    .info()
    .annotations.push({ type: 'recompute ms (first is the cold start)', description: measures.join(' ') });
  console.log(`In-page recompute times, ms: ${measures.join(' ')}`);

  const link = new URL(page.url());
  expect(Object.fromEntries(link.searchParams)).toMatchObject({
    model: 'gemma-4-31b',
    quant: 'Q4_K_M',
    device: 'geforce-rtx-3060-12gb',
    ram: '32',
    ctx: '8192',
  });
  const fresh = await browser.newContext();
  const shared = await fresh.newPage();
  await shared.goto(link.toString());
  await expect(shared.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect(shared.getByTestId('decode')).toHaveText(
    (await page.getByTestId('decode').textContent()) ?? '',
  );
  await expect(shared.getByTestId('prefill')).toHaveText(
    (await page.getByTestId('prefill').textContent()) ?? '',
  );
  await expect(shared.getByLabel('Model', { exact: true })).toHaveValue('gemma-4-31b');
  await expect(shared.getByRole('combobox', { name: 'GPU or Apple chip' })).toHaveValue(
    'GeForce RTX 3060 12GB',
  );
  await fresh.close();
});

test('every control is labelled and works from the keyboard', async ({ page }) => {
  await page.goto('/?model=gemma-4-31b&device=geforce-rtx-3060-12gb');
  const device = page.getByRole('combobox', { name: 'GPU or Apple chip' });
  await device.focus();
  await page.keyboard.type('4090');
  await expect(page.getByRole('listbox', { name: 'Matching devices' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(device).toHaveValue(/RTX 4090/);
  await expect(page).toHaveURL(/device=geforce-rtx-4090/);

  await page.getByLabel('Context length (tokens)').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/ctx=16384/);

  await page.getByText('GPU layers, offload, KV cache').click();
  await page.getByLabel('GPU layers (-ngl)').fill('20');
  await page.getByLabel('GPU layers (-ngl)').press('Tab');
  await page.getByLabel('KV cache type').selectOption('q8_0');
  await expect(page).toHaveURL(/ngl=20/);
  await expect(page).toHaveURL(/kv=q8_0/);
  await expect(page.locator('#verdict-title')).toContainText('20 of 60 layers');

  // Tab reaches the theme switch and the table's sort buttons; nothing needs a mouse.
  await page.getByRole('radio', { name: 'dark' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const sortModel = page.getByRole('button', { name: 'Model' });
  await sortModel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: 'Model' })).toHaveAttribute('aria-sort', 'ascending');
});

test('a config.json picked from disk is read locally and estimated like the catalog model it describes', async ({
  page,
}) => {
  await page.goto('/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192');
  const catalogDecode = await page.getByTestId('decode').textContent();
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') uploads.push(r.url());
  });
  await page.getByTestId('model-file').setInputFiles({
    name: 'config.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(catalogConfig('gemma-4-31b'))),
  });
  await expect(page.getByTestId('model-file-note')).toContainText('config.json');
  await expect(page.getByTestId('decode')).toHaveText(catalogDecode ?? '');
  expect(uploads).toEqual([]);

  // Dropped anywhere on the page works the same way.
  await page.getByRole('button', { name: 'Back to the catalog model' }).click();
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(JSON.stringify(catalogConfig('gemma-4-26b-a4b')))}], 'dropped-config.json'));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  })()`);
  await expect(page.getByTestId('model-file-note')).toContainText('dropped-config.json');
  await expect(page.getByTestId('model-file-note')).toContainText('30 layers');

  await page
    .getByTestId('model-file')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(page.getByTestId('model-file-error')).toContainText('notes.json is not valid JSON');
});

test('the dark theme and a phone-width screen show the same answer without sideways scrolling', async ({
  browser,
}) => {
  const url = '/?model=gemma-4-26b-a4b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=32768';
  const dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  const page = await dark.newPage();
  await page.goto(url);
  await expect(page.getByTestId('fit-status')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: shot('estimate-26b-dark.png'), fullPage: true });
  const desktopDecode = await page.getByTestId('decode').textContent();
  await dark.close();

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(url);
  await expect(small.getByTestId('decode')).toHaveText(desktopDecode ?? '');
  expect(
    await small.evaluate(
      () =>
        (
          globalThis as unknown as {
            innerWidth: number;
            document: { documentElement: { scrollWidth: number } };
          }
        ).document.documentElement.scrollWidth,
    ),
  ).toBeLessThanOrEqual(390);
  await small.screenshot({ path: shot('estimate-phone.png'), fullPage: true });
  await phone.close();
});
