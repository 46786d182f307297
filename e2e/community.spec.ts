/**
 * Community calibration end to end against the real server: three uploaders (distinct client addresses
 * 127.0.0.2-4 on loopback) upload results carrying llama-bench runs for an RTX 4080; a fresh visitor's
 * estimate for that device is calibrated by them and its basis says "calibrated by 3 uploaded runs", its band
 * widened by their spread; a
 * physically impossible run is refused with the reason; the measured-speed leaderboard lists the runs.
 */

import { expect, test } from '@playwright/test';
import { llamaBenchRuns, quickResult, upload, withSpeeds } from './uploads.js';

/** A result on an RTX 4080 carrying the fixture's runs (named for the 4080) with tg128 at `tgTs` tok/s. */
const withRuns = (n: number, tgTs: number) =>
  quickResult({
    n,
    deviceId: 'geforce-rtx-4080',
    name: 'RTX 4080',
    bandwidthGBs: 600,
    benchRuns: withSpeeds(
      llamaBenchRuns.map((r) => ({ ...r, gpu_info: 'NVIDIA GeForce RTX 4080' })),
      tgTs,
    ),
  });

test('uploaded llama-bench runs calibrate a fresh visitor’s estimate; an impossible run is refused', async ({
  browser,
}) => {
  const impossible = await upload(withRuns(0, 900), '127.0.0.2');
  expect(impossible.status).toBe(422);
  expect(JSON.parse(impossible.body).error.message).toMatch(/faster than its memory allows/);

  for (const [i, ts] of [92, 95, 97].entries()) {
    expect((await upload(withRuns(1 + i, ts), `127.0.0.${2 + i}`)).status).toBe(201);
  }

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto('/?model=llama-3.1-8b&quant=Q4_K_M&device=geforce-rtx-4080');
  await page.getByText('Where the time goes, and what the estimate rests on').click();
  const calibrated = page.getByTestId('basis-calibrated');
  await expect(calibrated).toContainText(/calibrated by 3 uploaded runs from 3 sources/);
  // The sources disagree (92-97 tok/s): the band widens to cover their p25-p75.
  await expect(calibrated).toContainText(/widened ×0\.9\d-×1\.0\d to cover the calibration sources' p25-p75/);
  await expect(page.getByTestId('basis')).not.toContainText('uploaded runs');
  await visitor.close();

  const board = await browser.newPage();
  await board.goto('/#compare');
  const row = board.getByTestId('speed-leaderboard').getByRole('row', { name: /RTX 4080/ });
  await expect(row).toContainText('tg128');
  await expect(row).toContainText('3 (3)');
});
