/**
 * Community calibration end to end against the real server: three uploaders (distinct client addresses
 * 127.0.0.2-4 on loopback) upload results carrying llama-bench runs for an RTX 4080; a fresh visitor's
 * estimate for that device is calibrated by them and its basis says "calibrated by 3 uploaded runs"; a
 * physically impossible run is refused with the reason; the measured-speed leaderboard lists the runs.
 */

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { expect, test } from '@playwright/test';
import { gemvMeasurements } from './documents.js';
import { PORT } from './playwright.config.js';

const benchRuns = (
  JSON.parse(
    readFileSync(
      new URL('../packages/core/src/result/fixtures/llama-bench-4090.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>[]
).map((r): Record<string, unknown> => ({ ...r, gpu_info: 'NVIDIA GeForce RTX 4080' }));

/** A consistent quick result on an RTX 4080 carrying a tg128 run at `tgTs` tok/s. */
function withRuns(n: number, tgTs: number): ResultDocument {
  const bw = 600;
  const gemv = gemvMeasurements(bw);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    app: { name: 'cliffbench', version: '0.1.0' },
    createdAt: new Date(Date.UTC(2026, 10, 2) + n * 1000).toISOString(),
    mode: 'quick',
    adapter: { vendor: 'nvidia', architecture: 'ada', device: '', description: 'e2e' },
    features: [],
    limits: {},
    environment: { runtime: 'browser', userAgent: 'e2e', browser: 'Chrome 140' },
    timingMode: 'timestamp-query',
    tuning: {},
    measurements: gemv,
    sweep: [],
    fits: [{ format: 'q4_k', bandwidthGBs: bw, launchSeconds: 20e-6, r2: 0.999, points: 3 }],
    claimedDevice: { deviceId: 'geforce-rtx-4080', name: 'RTX 4080' },
    llamaCpp: {
      benchRuns: benchRuns.map((r) => (r.n_gen === 0 ? r : { ...r, avg_ts: tgTs, samples_ts: [tgTs] })),
    },
    durationSeconds: 10,
  } as unknown as ResultDocument;
}

/** POSTs `doc` from loopback address `from` (the server keys sources by the client address). */
function upload(doc: unknown, from: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        path: '/api/results',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (b: Buffer) => {
          body += b.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(doc));
  });
}

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
  await expect(page.getByTestId('basis')).not.toContainText('uploaded runs');
  await visitor.close();

  const board = await browser.newPage();
  await board.goto('/#compare');
  const row = board.getByTestId('speed-leaderboard').getByRole('row', { name: /RTX 4080/ });
  await expect(row).toContainText('tg128');
  await expect(row).toContainText('3 (3)');
});
