/** Result documents and uploads from chosen loopback addresses, shared by the community e2e specs. */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { RESULT_SCHEMA_VERSION, type ResultDocument } from '@cliffbench/core';
import { gemvMeasurements } from './documents.js';
import { PORT } from './playwright.config.js';

/** llama-bench -o json of Llama 3.1 8B Q4_K_M on an RTX 4090 (a pp512 and a tg128 run), as core's tests hold it. */
export const llamaBenchJson = readFileSync(
  new URL('../packages/core/src/result/fixtures/llama-bench-4090.json', import.meta.url),
  'utf8',
);
export const llamaBenchRuns = JSON.parse(llamaBenchJson) as Record<string, unknown>[];

/** The runs with their tg (and, when given, pp) speed replaced. */
export function withSpeeds(
  runs: readonly Record<string, unknown>[],
  tgTs: number,
  ppTs?: number,
): Record<string, unknown>[] {
  return runs.map((r) => {
    const ts = r.n_gen === 0 ? ppTs : tgTs;
    return ts === undefined ? r : { ...r, avg_ts: ts, samples_ts: [ts] };
  });
}

/** A consistent quick result (q4_k GEMV at `bandwidthGBs`) claimed for a device, carrying `benchRuns`. */
export function quickResult(opts: {
  readonly n: number;
  readonly deviceId: string;
  readonly name: string;
  readonly bandwidthGBs: number;
  readonly benchRuns?: readonly Record<string, unknown>[];
}): ResultDocument {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    app: { name: 'cliffbench', version: '0.1.0' },
    createdAt: new Date(Date.UTC(2026, 10, 2) + opts.n * 1000).toISOString(),
    mode: 'quick',
    adapter: { vendor: 'nvidia', architecture: 'ada', device: '', description: 'e2e' },
    features: [],
    limits: {},
    environment: { runtime: 'browser', userAgent: 'e2e', browser: 'Chrome 140' },
    timingMode: 'timestamp-query',
    tuning: {},
    measurements: gemvMeasurements(opts.bandwidthGBs),
    sweep: [],
    fits: [{ format: 'q4_k', bandwidthGBs: opts.bandwidthGBs, launchSeconds: 20e-6, r2: 0.999, points: 3 }],
    claimedDevice: { deviceId: opts.deviceId, name: opts.name },
    ...(opts.benchRuns === undefined ? {} : { llamaCpp: { benchRuns: opts.benchRuns } }),
    durationSeconds: 10,
  } as unknown as ResultDocument;
}

/** POSTs `doc` from loopback address `from` (the server keys sources by the client address). */
export function upload(doc: unknown, from: string): Promise<{ status: number; body: string }> {
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
