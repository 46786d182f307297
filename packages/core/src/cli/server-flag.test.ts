import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../test/cli.js';
import { versionOne } from '../../test/result-fixtures.js';
import type { CommunityCalibration } from '../index.js';

const agg = (median: number, sources: number) => ({
  median,
  p25: median - 0.02,
  p75: median + 0.02,
  mad: 0.02,
  sources,
  runs: sources + 2,
  rejected: 0,
});
const answer = (sources: number): CommunityCalibration => ({
  deviceId: 'geforce-rtx-4090',
  decodeEta: { all: agg(0.7, sources), byBackend: { cuda: agg(0.7, sources) } },
  decodeEfficiency: { byBackend: {} },
  prefillEfficiency: { byBackend: {} },
  webgpuToLlama: { 'nvidia/cuda': agg(1.25, sources) },
});
/** A WebGPU benchmark result without llama-bench runs: its largest pass read 268 GB/s. */
const webgpuResult = { 'r.json': JSON.stringify(versionOne) };
const seed = ['-m', 'llama-3.1-8b', '-q', 'Q4_K_M', '-d', 'rtx 4090', '--json'];

describe('--server URL', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the server for the device and calibrates with its community η', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer(4))));
    vi.stubGlobal('fetch', fetch);
    const e = JSON.parse((await cli(['estimate', ...seed, '--server', 'http://127.0.0.1:8787'])).out);
    expect(String(fetch.mock.calls[0]?.[0 as never])).toBe(
      'http://127.0.0.1:8787/api/calibration/geforce-rtx-4090',
    );
    expect(e.basis).toMatch(/calibrated by 6 uploaded runs from 4 sources cuda/);
  });

  it('applies the learned WebGPU → llama.cpp ratio to a WebGPU result, as the page does', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(answer(4)))),
    );
    const args = ['estimate', ...seed, '--calibration', 'r.json'];
    const e = JSON.parse((await cli([...args, '--server', 'http://x.test'], webgpuResult)).out);
    expect(e.breakdown.bandwidths.gpuEffectiveGBs).toBeCloseTo(268 * 1.25, 6);
    expect(e.basis).toMatch(
      /WebGPU 268\.0 GB\/s × 1\.25 \(the WebGPU → llama\.cpp cuda ratio of 4 NVIDIA uploads\)/,
    );
    expect(e.basis).not.toMatch(/uploaded runs/);
    const alone = JSON.parse((await cli(args, webgpuResult)).out);
    expect(alone.breakdown.bandwidths.gpuEffectiveGBs).toBe(268);
    expect(e.decodeTokensPerSecond).toBeGreaterThan(alone.decodeTokensPerSecond);
    // Too few uploads carrying both: the WebGPU figure stands as measured.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(answer(2)))),
    );
    const few = JSON.parse((await cli([...args, '--server', 'http://x.test'], webgpuResult)).out);
    expect(few.breakdown.bandwidths.gpuEffectiveGBs).toBe(268);
  });

  it('leaves the estimate alone with too few sources, and is off by default', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer(2))));
    vi.stubGlobal('fetch', fetch);
    const e = JSON.parse((await cli(['estimate', ...seed, '--server', 'http://x.test'])).out);
    expect(e.basis).not.toMatch(/uploaded runs/);
    await cli(['estimate', ...seed]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says when the server does not answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 500 })),
    );
    const r = await cli(['estimate', ...seed, '--server', 'http://x.test']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /--server http:\/\/x\.test: no community calibration for GeForce RTX 4090 \(HTTP 500\)/,
    );
  });
});
