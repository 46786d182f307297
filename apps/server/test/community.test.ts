/**
 * llama.cpp runs in uploads: physics-checked on the way in (422 implausible with the reason), stored with the
 * estimate at upload time, aggregated per device with each source counted once (GET /api/calibration/:id),
 * ranked by measured tokens/s (GET /api/llama-runs); on PGlite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import {
  type CommunityCalibration,
  communityCalibration,
  estimate,
  type LlamaBenchRunInput,
  type ResultDocument,
} from '@cliffbench/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Backend,
  backends,
  type ErrorBody,
  multiClientApp,
  openedBackend,
  uploadAs,
} from './backends.js';
import { resultDocument } from './documents.js';

const fixture = new URL('../../../packages/core/src/result/fixtures/llama-bench-4090.json', import.meta.url);
const benchRuns = JSON.parse(readFileSync(fixture, 'utf8')) as LlamaBenchRunInput[];
const [pp, tg] = benchRuns as [LlamaBenchRunInput, LlamaBenchRunInput];
const rtx4090 = { deviceId: 'geforce-rtx-4090', name: 'RTX 4090' };

/** A result on the RTX 4090 carrying a tg run at `tgTs` tok/s (and the pp run); `n` makes documents distinct. */
const withRuns = (n: number, tgTs: number): ResultDocument =>
  ({
    ...resultDocument({ n, claimedDevice: rtx4090 }),
    llamaCpp: { benchRuns: [pp, { ...tg, avg_ts: tgTs, samples_ts: [tgTs] }] },
  }) as ResultDocument;

describe.each(backends)('llama.cpp runs and community calibration on $name', (backend: Backend) => {
  const opened = openedBackend(backend);
  let app: ReturnType<typeof multiClientApp>;
  beforeAll(() => {
    app = multiClientApp(opened.db);
  });
  const upload = (doc: unknown, client: string) => uploadAs(app, doc, client);

  it('refuses a decode faster than the device bandwidth allows, with the reason, and stores nothing', async () => {
    const res = await upload(withRuns(0, 900), 'a');
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('implausible');
    expect(body.error.details?.[0]?.path).toBe('llamaCpp.benchRuns.1.avg_ts');
    expect(body.error.message).toMatch(/faster than its memory allows/);
    const cal = (await (
      await app.request('/api/calibration/geforce-rtx-4090')
    ).json()) as CommunityCalibration;
    expect(cal.decodeEta.all).toBeUndefined();
  });

  it('counts each source once and rejects an outlying source', async () => {
    // Three honest owners, one run each; one uploader sends ten runs at a different speed.
    for (const [i, ts] of [130, 136, 140].entries())
      expect((await upload(withRuns(10 + i, ts), `owner${i}`)).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await upload(withRuns(100 + i, 60), 'flooder')).status).toBe(201);
    const res = await app.request('/api/calibration/geforce-rtx-4090');
    expect(res.status).toBe(200);
    const cal = (await res.json()) as CommunityCalibration;
    const eta = cal.decodeEta.byBackend.cuda;
    expect(eta?.sources).toBe(3);
    expect(eta?.rejected).toBe(1);
    expect(eta?.runs).toBe(3);
    expect(cal.prefillEfficiency.all?.sources).toBe(4);
    expect(cal.webgpuGBs?.sources).toBe(4);
    expect(cal.webgpuToLlama['nvidia/cuda']?.sources).toBe(3);
    const c = communityCalibration(cal, 'cuda');
    expect(c?.source).toMatch(/^calibrated by 3 uploaded runs from 3 sources cuda/);
    const base = {
      model: 'llama-3.1-8b',
      quant: 'Q4_K_M',
      device: 'geforce-rtx-4090',
      backend: 'cuda' as const,
    };
    const calibrated = estimate({ ...base, calibration: c, weightsBytes: tg.model_size });
    expect(calibrated.basis).toMatch(/calibrated by 3 uploaded runs/);
    expect(Math.abs(calibrated.decodeTokensPerSecond - 136)).toBeLessThan(3);
  });

  it('ranks measured tokens/s beside the estimate, filterable, each row naming its results', async () => {
    const res = await app.request('/api/llama-runs?device=geforce-rtx-4090&kind=tg&backend=cuda&build=6000');
    const { items } = (await res.json()) as {
      items: {
        runs: number;
        sources: number;
        resultIds: string[];
        medianTokensPerSecond: number;
        estimateTokensPerSecond: number;
        modelId: string;
        quant: string;
        nGen: number;
      }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      modelId: 'llama-3.1-8b',
      quant: 'Q4_K_M',
      nGen: 128,
      runs: 13,
      sources: 4,
    });
    expect(items[0]?.resultIds.length).toBe(13);
    expect(items[0]?.estimateTokensPerSecond).toBeGreaterThan(100);
    expect((await (await app.request('/api/llama-runs?build=7000')).json()) as { items: unknown[] }).toEqual({
      items: [],
    });
    expect((await app.request('/api/llama-runs?backend=opencl')).status).toBe(400);
    expect((await app.request('/api/calibration/no-such-device')).status).toBe(404);
  });

  it('deletes a result’s runs with it', async () => {
    const res = await upload(withRuns(500, 137), 'owner9');
    const { id, deleteToken } = (await res.json()) as { id: string; deleteToken: string };
    const before = (await (await app.request('/api/llama-runs?kind=tg')).json()) as {
      items: { runs: number }[];
    };
    await app.request(`/api/results/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${deleteToken}` },
    });
    const after = (await (await app.request('/api/llama-runs?kind=tg')).json()) as {
      items: { runs: number }[];
    };
    expect(after.items[0]?.runs).toBe((before.items[0]?.runs ?? 0) - 1);
  });
});
