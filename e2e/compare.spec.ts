/**
 * Compare in Chromium against the real server. First the whole path: the quick benchmark runs in SwiftShader,
 * its result is uploaded from the result view, and the stored link opens Compare with it beside another
 * uploaded result. Then results uploaded through the API (catalog devices, and one with a hostile name) are
 * browsed, filtered, picked and shown side by side with calibrated Gemma 4 tokens/s; the leaderboard lists
 * them; the page runs under the server's CSP without a single violation.
 */
import {
  calibrationFromResult,
  estimate,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
} from '@cliffbench/core';
import { expect, type Page, test } from '@playwright/test';
import { gemvMeasurements } from './documents.js';
import { shot } from './screenshots.js';

const MiB = 2 ** 20;

/** A schema-valid document whose figures are consistent (median of samples; bandwidth = bytes ÷ median ÷ 1e9). */
function resultDocument(
  n: number,
  bandwidthGBs: number,
  claimedDevice: ResultDocument['claimedDevice'],
): ResultDocument {
  const gemv = gemvMeasurements(bandwidthGBs);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    app: { name: 'cliffbench', version: 'e2e' },
    createdAt: new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString(),
    mode: 'quick',
    adapter: { vendor: 'e2e-vendor', architecture: 'test', device: '', description: 'e2e adapter' },
    features: [],
    limits: {},
    environment: { runtime: 'browser', userAgent: 'e2e', browser: 'Chrome' },
    timingMode: 'timestamp-query',
    tuning: {},
    measurements: gemv,
    sweep: [4, 64, 1024].map((mib, i) => {
      const seconds = (mib * MiB) / (bandwidthGBs * (1.6 - 0.3 * i) * 1e9);
      return {
        workingSetBytes: mib * MiB,
        bandwidthGBs: (mib * MiB) / seconds / 1e9,
        samplesSeconds: [seconds],
      };
    }),
    fits: [{ format: 'q4_k', bandwidthGBs, launchSeconds: 20e-6, r2: 0.999, points: 3 }],
    claimedDevice,
    durationSeconds: 30,
  } as ResultDocument;
}

/** Collects CSP violations and page errors for the whole test. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('uploaded results appear side by side with calibrated Gemma 4 speeds, and the leaderboard ranks devices', async ({
  page,
}) => {
  const problems = watch(page);
  const seed = Date.now() % 100_000;
  const uploads = [
    resultDocument(seed, 320, { deviceId: 'geforce-rtx-3060-12gb', name: 'my 3060' }),
    resultDocument(seed + 1, 480, { deviceId: 'apple-m4-max-40c-128gb', name: 'M4 Max' }),
    resultDocument(seed + 2, 150, { name: '<img src=x onerror="window.__pwned=1">' }),
  ];
  const ids: string[] = [];
  for (const doc of uploads) {
    const res = await page.request.post('/api/results', { data: doc });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }

  await page.goto(`/#compare=${ids[0]}`);
  const compare = page.getByTestId('compare');
  const table = page.getByTestId('compare-table');
  await expect(table.getByTestId('compared-row')).toHaveCount(1);

  const browser = page.getByTestId('results-browser');
  await browser.getByLabel('Device').fill('Apple M4 Max (40-core GPU) 128GB');
  await browser.getByLabel('Device').press('Enter');
  await expect(browser.getByTestId('result-row')).toHaveCount(1);
  await browser.getByRole('button', { name: 'add to comparison' }).click();
  await browser.getByLabel('Device').fill('');
  await browser.getByLabel('Device').press('Enter');
  await browser
    .getByRole('row', { name: /onerror/ })
    .getByRole('button', { name: 'add to comparison' })
    .click();

  await expect(table.getByTestId('compared-row')).toHaveCount(3);
  const rtx = table.getByTestId('compared-row').filter({ hasText: 'GeForce RTX 3060 12GB' });
  const m4 = table.getByTestId('compared-row').filter({ hasText: 'Apple M4 Max' });
  await expect(rtx).toContainText('my 3060');
  // Each row shows the estimator's Gemma 4 E4B Q4_K_M speed calibrated with that run, not the spec-sheet one.
  const e4b = async (row: typeof rtx) => Number((await row.locator('td.num').nth(1).textContent()) ?? '');
  for (const [row, doc] of [
    [rtx, uploads[0]],
    [m4, uploads[1]],
  ] as const) {
    const deviceId = doc?.claimedDevice?.deviceId;
    if (!doc || !deviceId) throw new Error('the seed documents claim catalog devices');
    const scenario = { model: 'gemma-4-e4b', quant: 'Q4_K_M', device: deviceId };
    const calibrated = estimate({
      ...scenario,
      calibration: calibrationFromResult(doc),
    }).decodeTokensPerSecond;
    const spec = estimate(scenario).decodeTokensPerSecond;
    const shown = await e4b(row);
    // Shown to three significant figures: within 0.5 % of the calibrated estimate, and not the spec one.
    expect(Math.abs(shown - calibrated) / calibrated).toBeLessThan(0.005);
    expect(Math.abs(shown - spec) / spec).toBeGreaterThan(0.01);
  }
  // The hostile name is shown as text and never runs.
  await expect(table.getByText('<img src=x onerror="window.__pwned=1">')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(compare.getByRole('img', { name: /Read bandwidth against working set/ })).toBeVisible();

  const board = page.getByTestId('leaderboard');
  await expect(board.getByRole('row', { name: /GeForce RTX 3060 12GB/ })).toBeVisible();
  await expect(board.getByRole('row', { name: /Apple M4 Max/ })).toBeVisible();
  await page.screenshot({ path: shot('compare-three.png'), fullPage: true });

  // The RAM benchmark's WebAssembly compiles under the page's CSP.
  const wasmOk = await page.evaluate(async () => {
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<unknown> } })
      .WebAssembly;
    return wasm.compile(empty).then(
      () => true,
      () => false,
    );
  });
  expect(wasmOk).toBe(true);
  expect(problems).toEqual([]);
});

test('a benchmark run in Chromium is uploaded and compared beside another uploaded result', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const problems = watch(page);
  const other = resultDocument(Date.now() % 100_000, 95, { name: 'Another machine' });
  expect((await page.request.post('/api/results', { data: other })).status()).toBe(201);

  await page.goto('/#bench');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('bench-result')).toBeVisible({ timeout: 400_000 });
  await page.getByTestId('upload').click();
  const link = page.getByTestId('upload-link');
  await expect(link).toBeVisible();
  const id = /#compare=(.+)$/.exec((await link.getAttribute('href')) ?? '')?.[1];
  expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  // Uploading the same run again stores nothing new: the server answers with the same id.
  const stored = await page.request.get(`/api/results/${id}`);
  const again = await page.request.post('/api/results', { data: await stored.json() });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { id: string }).id).toBe(id);

  await link.click();
  const table = page.getByTestId('compare-table');
  await expect(table.getByTestId('compared-row')).toHaveCount(1);
  await expect(table.getByTestId('compared-row').getByRole('link')).toHaveAttribute(
    'href',
    `/api/results/${id}`,
  );
  await page
    .getByTestId('results-browser')
    .getByRole('row', { name: /Another machine/ })
    .getByRole('button', { name: 'add to comparison' })
    .click();
  await expect(table.getByTestId('compared-row')).toHaveCount(2);
  await expect(table.getByTestId('compared-row').nth(1)).toContainText('Another machine');
  await expect(page.getByTestId('leaderboard').getByRole('row', { name: /Another machine/ })).toBeVisible();
  await page.screenshot({ path: shot('compare-after-bench.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('a comparison is a link: picks and filters are in the URL, and the copied link opens the same comparison elsewhere', async ({
  page,
  context,
  browser,
}) => {
  const problems = watch(page);
  const seed = Date.now() % 100_000;
  const vendor = `share vendor ${seed}`;
  const shared = (n: number, bandwidth: number, name: string) => {
    const doc = resultDocument(seed + n, bandwidth, { name });
    return { ...doc, adapter: { ...doc.adapter, vendor } };
  };
  const names = [`Slow box ${seed}`, `Fast box ${seed}`];
  const ids: string[] = [];
  for (const doc of [shared(0, 90, names[0] ?? ''), shared(1, 210, names[1] ?? '')]) {
    const res = await page.request.post('/api/results', { data: doc });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const [slow, fast] = ids;

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#compare');
  const results = page.getByTestId('results-browser');
  const table = page.getByTestId('compare-table');
  await results.getByLabel('Vendor').fill(vendor);
  await results.getByLabel('Vendor').press('Enter');
  await results.getByLabel('Sort').selectOption('bandwidth');
  await expect(results.getByTestId('result-row')).toHaveCount(2);
  await expect(results.getByTestId('result-row').first()).toContainText(names[1] ?? '');
  for (const name of names) {
    await results
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: 'add to comparison' })
      .click();
  }
  await expect(table.getByTestId('compared-row')).toHaveCount(2);
  const hash = `#compare=${slow},${fast}&vendor=${encodeURIComponent(vendor)}&sort=bandwidth`;
  await expect.poll(() => new URL(page.url()).hash).toBe(hash);

  // Back undoes the last pick, Forward redoes it.
  await page.goBack();
  await expect(table.getByTestId('compared-row')).toHaveCount(1);
  expect(new URL(page.url()).hash).toBe(
    `#compare=${slow}&vendor=${encodeURIComponent(vendor)}&sort=bandwidth`,
  );
  await page.goForward();
  await expect(table.getByTestId('compared-row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.getByTestId('compare-link').inputValue();
  expect(link).toBe(new URL(`/${hash}`, page.url()).href);
  const readClipboard = () =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText();
  expect(await page.evaluate(readClipboard)).toBe(link);

  // A fresh browser context (no storage, no history) opening the link sees the same comparison, in order,
  // with the same filters. It has no clipboard: copying selects the link instead.
  const fresh = await browser.newContext();
  await fresh.addInitScript(() =>
    Object.defineProperty((globalThis as unknown as { navigator: object }).navigator, 'clipboard', {
      value: undefined,
    }),
  );
  const other = await fresh.newPage();
  const otherProblems = watch(other);
  await other.goto(link);
  const otherTable = other.getByTestId('compare-table');
  await expect(otherTable.getByTestId('compared-row')).toHaveCount(2);
  await expect(otherTable.getByTestId('compared-row').nth(0)).toContainText(names[0] ?? '');
  await expect(otherTable.getByTestId('compared-row').nth(1)).toContainText(names[1] ?? '');
  const otherResults = other.getByTestId('results-browser');
  await expect(otherResults.getByLabel('Vendor')).toHaveValue(vendor);
  await expect(otherResults.getByLabel('Sort')).toHaveValue('bandwidth');
  await expect(otherResults.getByTestId('result-row')).toHaveCount(2);
  await other.getByRole('button', { name: 'Copy link' }).click();
  await expect(other.getByTestId('copy-status')).toContainText('the link is selected');
  expect(
    await other.getByTestId('compare-link').evaluate((el) => {
      const input = el as unknown as { selectionStart: number | null; selectionEnd: number | null };
      return (input.selectionEnd ?? 0) - (input.selectionStart ?? 0);
    }),
  ).toBe(link.length);

  // What is not a result id, or no longer stored, is said so; the rest is still compared.
  const missing = 'ZZZZZZZZZZZZZZZZ';
  await other.goto(`/#compare=${fast},not-an-id,${missing}`);
  const errors = other.getByTestId('compare-errors');
  await expect(errors).toContainText('“not-an-id” (not a result id)');
  await expect(errors).toContainText(`No result with id ${missing}`);
  await expect(otherTable.getByTestId('compared-row')).toHaveCount(1);
  expect(new URL(other.url()).hash).toBe(`#compare=${fast},${missing}`);
  await fresh.close();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});
