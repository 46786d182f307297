/**
 * Compare in Chromium against the real server: results uploaded through the API (catalog devices, and one
 * with a hostile name) are browsed, filtered, picked and shown side by side with calibrated Gemma 4 tokens/s;
 * the leaderboard lists them; the page runs under the server's CSP without a single violation.
 */
import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { expect, type Page, test } from '@playwright/test';
import { shot } from './screenshots.js';

const MiB = 2 ** 20;

/** A schema-valid document whose figures are consistent (median of samples; bandwidth = bytes ÷ median). */
function resultDocument(
  n: number,
  bandwidthGBs: number,
  claimedDevice: ResultDocument['claimedDevice'],
): ResultDocument {
  const gemv = [16, 64, 256].map((mib) => {
    const bytes = mib * MiB;
    const t = 20e-6 + bytes / (bandwidthGBs * 1e9);
    return {
      kernel: 'gemv' as const,
      format: 'q4_k' as const,
      label: `e2e ${mib} MiB`,
      rows: 4096,
      cols: bytes / 4096,
      bytesPerPass: bytes,
      workingSetBytes: bytes * 4,
      dispatchesPerPass: 1,
      samplesSeconds: [t * 0.99, t, t * 1.02],
      medianSeconds: t,
      ci95Relative: 0.03,
      bandwidthGBs: bytes / t / 1e9,
    };
  });
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
    sweep: [4, 64, 1024].map((mib, i) => ({
      workingSetBytes: mib * MiB,
      bandwidthGBs: bandwidthGBs * (1.6 - 0.3 * i),
      samplesSeconds: [0.001],
    })),
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
  const rtx = table.getByTestId('compared-row').filter({ hasText: 'my 3060' });
  const m4 = table.getByTestId('compared-row').filter({ hasText: 'M4 Max' });
  // Gemma 4 E4B Q4_K_M fits both; the faster measured bandwidth must give more tokens/s.
  const e4b = async (row: typeof rtx) =>
    Number.parseFloat((await row.locator('td.num').nth(1).textContent()) ?? '');
  expect(await e4b(rtx)).toBeGreaterThan(5);
  expect(await e4b(m4)).toBeGreaterThan(await e4b(rtx));
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
