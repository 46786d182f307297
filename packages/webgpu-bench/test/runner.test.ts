import { CliffbenchError, calibrationFromResult, ResultDocumentSchema } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../scripts/node-gpu.js';
import { type BenchPlan, gemvProblem, type Progress, quickPlan, runBenchmark } from '../src/index.js';

const MiB = 2 ** 20;

/** The quick plan cut down to seconds on SwiftShader: two small shapes, a decode step of three GEMVs. */
function tinyPlan(): BenchPlan {
  const quick = quickPlan();
  const step = quick.decodeStep;
  if (!step) throw new Error('the quick plan should have a decode step');
  return {
    ...quick,
    formats: ['q4_0', 'f16'],
    problems: [gemvProblem('gemma-4-e2b', 'blk.0.attn_k'), gemvProblem('gemma-4-e2b', 'blk.0.attn_q')],
    workingSetBytes: 2 * MiB,
    sweepBytes: [MiB, 2 * MiB],
    uploadBytes: MiB,
    tuning: {
      ...quick.tuning,
      problem: gemvProblem('gemma-4-e2b', 'blk.0.attn_k'),
      candidates: quick.tuning.candidates.slice(0, 2),
    },
    decodeStep: {
      ...step,
      format: 'q4_0',
      gemvs: step.gemvs.filter((p) => /blk\.0\.attn_[qkv]$/.test(p.label)),
      maxBytes: MiB,
    },
    timing: { warmup: 0, minSamples: 2, maxSamples: 3, targetCi95: 0.5, maxSeconds: 0.2 },
  };
}

const environment = { runtime: 'node', userAgent: 'vitest' } as const;

describe('a benchmark run on Dawn (SwiftShader)', () => {
  it('produces a result document that core’s schema accepts and the estimator can calibrate from', async () => {
    const events: Progress[] = [];
    const doc = await runBenchmark({
      gpu: nodeGpu(),
      plan: tinyPlan(),
      environment,
      appVersion: 'test',
      onProgress: (p) => events.push(p),
    });
    expect(ResultDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.adapter.architecture).toBe('swiftshader');
    expect(['timestamp-query', 'wall-clock']).toContain(doc.timingMode);
    expect(doc.tuning.workgroupSize).toBeGreaterThan(0);
    expect(doc.measurements.filter((m) => m.kernel === 'gemv').map((m) => m.format)).toEqual([
      'q4_0',
      'q4_0',
      'f32',
      'f32',
    ]);
    expect(doc.skipped?.map((s) => s.label)).toContain('f16');
    // The ceiling is the fastest tuned read at the sweep's largest working set, recorded with its shape.
    const reads = doc.measurements.filter((m) => m.kernel === 'stream-read');
    expect(reads.map((m) => m.label)).toEqual(['stream 2 MiB (ceiling)']);
    expect(doc.tuning['stream.candidates']).toBe(tinyPlan().streamCandidates.length);
    expect(tinyPlan().streamCandidates).toContainEqual({
      workgroupSize: doc.tuning['stream.workgroupSize'],
      vectorsPerThread: doc.tuning['stream.vectorsPerThread'],
      accumulators: doc.tuning['stream.accumulators'],
    });
    const copy = doc.measurements.find((m) => m.kernel === 'stream-copy');
    expect(copy?.bytesPerPass).toBe(2 * (copy?.workingSetBytes ?? 0));
    expect(doc.measurements.find((m) => m.kernel === 'decode-step')?.label).toMatch(
      /^gemma-4-e2b decode step: 1 of 35 layers/,
    );
    expect(doc.sweep).toHaveLength(2);
    expect(doc.uploads?.map((u) => u.method).sort()).toEqual(['mapped', 'writeBuffer']);
    for (const m of doc.measurements)
      expect(m.bandwidthGBs).toBeCloseTo(m.bytesPerPass / m.medianSeconds / 1e9, 9);
    expect(calibrationFromResult(doc).gpuBandwidthGBs).toBeGreaterThan(0);
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ phase: 'done', fraction: 1 });
  }, 60_000);

  it('stops with a cancelled error at the next submission after cancel', async () => {
    const control = { cancelled: false, paused: false };
    const run = runBenchmark({
      gpu: nodeGpu(),
      plan: tinyPlan(),
      environment,
      appVersion: 'test',
      control,
      onProgress: (p) => {
        if (p.phase === 'sweep') control.cancelled = true;
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliffbenchError);
    expect((error as CliffbenchError).code).toBe('cancelled');
  }, 30_000);

  it('takes no samples while paused and goes on when resumed', async () => {
    const control = { cancelled: false, paused: true };
    const events: Progress[] = [];
    const run = runBenchmark({
      gpu: nodeGpu(),
      plan: tinyPlan(),
      environment,
      appVersion: 'test',
      control,
      onProgress: (p) => {
        events.push(p);
        if (p.phase === 'sweep') control.cancelled = true; // resumed and measured: enough
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(events.map((e) => e.phase)).toEqual(['starting']);
    control.paused = false;
    await expect(run).rejects.toThrow(/cancelled/);
    expect(events.map((e) => e.phase)).toEqual(['starting', 'sweep']);
  }, 30_000);

  it('says what is missing when there is no WebGPU', async () => {
    const error = await runBenchmark({
      gpu: undefined,
      plan: tinyPlan(),
      environment,
      appVersion: 'test',
    }).catch((e: unknown) => e);
    expect((error as CliffbenchError).code).toBe('no-webgpu');
    expect((error as Error).message).toMatch(/navigator\.gpu/);
  });
});
