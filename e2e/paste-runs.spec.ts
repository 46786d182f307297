/**
 * Pasted llama-bench runs end to end: a WebGPU result for an RTX 4090 imported into the benchmark view; an
 * impossible run pasted into its llama-bench box is refused with the reason; the real runs move the estimate
 * (decode and prefill) and the calibrated basis names them; pasted llama-server timings calibrate as well; the
 * result, now carrying both, is uploaded (its tg run and the timing's decode count as one source); with
 * two more uploaders (loopback 127.0.0.5-6) a fresh visitor's estimate for the device says "calibrated by 4
 * uploaded runs from 3 sources" and its decode band is wider than the spec-sheet one by the sources' spread.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import { llamaBenchJson, llamaBenchRuns, quickResult, upload, withSpeeds } from './uploads.js';

const device = { deviceId: 'geforce-rtx-4090', name: 'RTX 4090', bandwidthGBs: 900 };
const scenario = '/?model=llama-3.1-8b&quant=Q4_K_M&device=geforce-rtx-4090';

/** high ÷ low of a band shown as "low–high". */
async function bandRatio(figure: Locator): Promise<number> {
  const [low, high] = ((await figure.textContent()) ?? '').match(/[\d.]+/g)?.map(Number) ?? [];
  expect(low).toBeGreaterThan(0);
  return (high as number) / (low as number);
}

test('pasted llama-bench runs move the estimate, upload with the result, and calibrate a fresh visitor', async ({
  page,
  browser,
}) => {
  const file = join(tmpdir(), `cliffbench-4090-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(quickResult({ n: 100, ...device })));
  await page.goto(`${scenario}#bench`);
  await page.getByTestId('import-results').setInputFiles(file);
  await expect(page.getByTestId('import-status')).toContainText('Imported');
  await page.getByTestId('saved-result').first().getByRole('button', { name: 'show' }).click();
  await expect(page.getByTestId('bench-result')).toContainText('Result for GeForce RTX 4090');
  await page.getByText('Calibrate further with llama-bench tokens/s').click();
  const box = page.getByTestId('llama-bench-json');

  await box.fill(JSON.stringify(withSpeeds(llamaBenchRuns, 900)));
  await page.getByRole('button', { name: 'Fit and apply' }).click();
  await expect(page.getByTestId('llama-bench-status')).toContainText(/faster than its memory allows/);

  await box.fill(llamaBenchJson);
  await page.getByRole('button', { name: 'Fit and apply' }).click();
  await expect(page.getByTestId('llama-bench-status')).toContainText('Applied 1 of 2 llama-bench runs');

  await page.getByRole('link', { name: 'Estimate' }).first().click();
  for (const figure of ['decode', 'prefill']) {
    const spec = await page.getByTestId(figure).first().textContent();
    await expect(page.getByTestId(`${figure}-calibrated`)).not.toHaveText(spec ?? '');
  }
  await page.getByText('Where the time goes, and what the estimate rests on').click();
  await expect(page.getByTestId('basis-calibrated')).toContainText(
    /llama-bench tg on GeForce RTX 4090: Llama 3\.1 8B Q4_K_M 136\.2 tok\/s → η 0\.\d\d.*1 pp runs → prefill ×\d\.\d\d/,
  );

  // llama-server timings of a 1000-token prompt (10 400 tok/s, about the estimate) and 200 generated tokens
  // calibrate it too, and join the result: on the server they are this uploader's second decode and prompt run.
  await page.getByRole('link', { name: 'Benchmark' }).first().click();
  await page.getByText('Calibrate with llama-server timings').click();
  await page.getByTestId('server-timings-json').fill(
    JSON.stringify({
      content: '…',
      timings: { prompt_n: 1000, prompt_ms: 96.0, predicted_n: 200, predicted_ms: 1538.5 },
    }),
  );
  await page.getByRole('button', { name: 'Apply timings' }).click();
  await expect(page.getByTestId('server-timings-status')).toContainText(
    /Applied 1 llama-server timings: llama-server tg on GeForce RTX 4090: Llama 3\.1 8B Q4_K_M [\d.]+ tok\/s → η 0\.\d\d, .*1 pp runs → prefill ×\d\.\d\d/,
  );
  await page.getByTestId('upload').click();
  await expect(page.getByTestId('upload-stored')).toContainText('compare it');
  const stored = await page
    .getByTestId('upload-stored')
    .getByRole('link', { name: 'JSON' })
    .getAttribute('href');
  const uploaded = await (await page.request.get(stored ?? '')).json();
  expect(uploaded.llamaCpp.benchRuns).toHaveLength(2);
  expect(uploaded.llamaCpp.serverTimings).toMatchObject([
    { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'geforce-rtx-4090' },
  ]);

  for (const [i, [tg, pp]] of [
    [128, 10500],
    [142, 12500],
  ].entries()) {
    const doc = quickResult({
      n: 101 + i,
      ...device,
      benchRuns: withSpeeds(llamaBenchRuns, tg as number, pp),
    });
    expect((await upload(doc, `127.0.0.${5 + i}`)).status).toBe(201);
  }

  const visitor = await browser.newContext();
  const fresh = await visitor.newPage();
  await fresh.goto(scenario);
  await fresh.getByText('Where the time goes, and what the estimate rests on').click();
  const calibrated = fresh.getByTestId('basis-calibrated');
  await expect(calibrated).toContainText(/calibrated by 4 uploaded runs from 3 sources cuda/);
  await expect(calibrated).toContainText(/prefill ×\d\.\d\d of the physics estimate/);
  await expect(calibrated).toContainText(
    /widened ×0\.\d\d-×1\.\d\d to cover the calibration sources' p25-p75/,
  );
  const specBand = await bandRatio(fresh.getByTestId('decode-band').first());
  const communityBand = await bandRatio(fresh.getByTestId('decode-band-calibrated'));
  expect(communityBand).toBeGreaterThan(specBand);
  await visitor.close();
});
