/**
 * @module plan/plan — what a benchmark run measures, as plain data (it crosses the Worker boundary), and the
 * quick and full plans. Every shape comes from core's Gemma 4 catalog.
 */
import { findModel, type WeightFormat } from '@cliffbench/core';
import type { GemvShape } from '../gemv/gemv-kernels.js';
import type { MeasureSettings } from '../measure/measure-runs.js';
import type { StreamShape } from '../stream/stream-workload.js';
import { decodeGemvs, type GemvProblem, gemvProblem } from './decode-gemvs.js';

/** One model's GEMV sequence for a token, run as one pass over distinct buffers. */
export interface DecodeStepPlan {
  /** Catalog id. */
  readonly model: string;
  readonly format: WeightFormat;
  /** The model's GEMVs in order (`decodeGemvs`). */
  readonly gemvs: readonly GemvProblem[];
  /** Most weight bytes the step may hold; whole layers are dropped from the end to fit. */
  readonly maxBytes: number;
  /** Layers in the model. */
  readonly layers: number;
}

export interface BenchPlan {
  readonly mode: 'quick' | 'full';
  /** Weight formats timed on every problem. `f16` needs `shader-f16`; without it `f32` is timed instead. */
  readonly formats: readonly WeightFormat[];
  /** GEMV shapes timed in every format: several sizes, so t = t_launch + bytes/BW can be fitted. */
  readonly problems: readonly GemvProblem[];
  /**
   * Distinct weight bytes one GEMV pass rotates through (copies of the matrix), bytes: several times the
   * largest GPU last-level cache (≈ 128 MB), like a real decode step. Shrunk on slow devices, see `passSeconds`.
   */
  readonly workingSetBytes: number;
  /** Working sets shrink so one pass takes about this long at the device's measured speed, seconds. */
  readonly passSeconds: number;
  /** Streaming-read working sets, ascending, bytes; points are skipped once a pass would exceed `sweepPassSeconds`. */
  readonly sweepBytes: readonly number[];
  readonly sweepPassSeconds: number;
  /**
   * Shapes of the streaming-read kernel timed at the sweep's largest working set; the fastest is the
   * ceiling. From many workgroups with few words each (GPUs) to few with many (software adapters).
   */
  readonly streamCandidates: readonly StreamShape[];
  /** Bytes per host-to-device upload sample. */
  readonly uploadBytes: number;
  readonly tuning: {
    readonly candidates: readonly GemvShape[];
    /** The GEMV the candidates are timed on. */
    readonly problem: GemvProblem;
    /** Tune every format (else q4_0's choice is used for all). */
    readonly perFormat: boolean;
  };
  readonly decodeStep?: DecodeStepPlan;
  readonly timing: MeasureSettings;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;

function decodeStep(model: string, format: WeightFormat, maxBytes: number): DecodeStepPlan {
  const arch = findModel(model);
  return { model: arch.id, format, gemvs: decodeGemvs(arch), maxBytes, layers: arch.layers.length };
}

const shapes = (...names: [string, string][]) => names.map(([model, tensor]) => gemvProblem(model, tensor));
const grid = (sizes: number[], rows: number[]) =>
  sizes.flatMap((workgroupSize) => rows.map((rowsPerWorkgroup) => ({ workgroupSize, rowsPerWorkgroup })));
const streamGrid = (sizes: number[], words: number[], inFlight: StreamShape['accumulators'][]) =>
  sizes.flatMap((workgroupSize) =>
    words.flatMap((vectorsPerThread) =>
      inFlight.map((accumulators) => ({ workgroupSize, vectorsPerThread, accumulators })),
    ),
  );

/** A few seconds on a desktop GPU; ≤ 60 s on SwiftShader (a CPU). */
export function quickPlan(): BenchPlan {
  return {
    mode: 'quick',
    formats: ['q4_0', 'q4_k', 'q8_0', 'f16'],
    problems: shapes(
      ['gemma-4-e2b', 'blk.0.attn_k'],
      ['gemma-4-e2b', 'blk.0.attn_q'],
      ['gemma-4-26b-a4b', 'blk.0.ffn_gate_up_exps'],
      ['gemma-4-e4b', 'blk.0.ffn_up'],
    ),
    workingSetBytes: 512 * MiB,
    passSeconds: 0.03,
    sweepBytes: [1, 4, 16, 64, 256, 512].map((m) => m * MiB),
    sweepPassSeconds: 0.25,
    streamCandidates: streamGrid([64, 256], [16, 1024], [1, 4]),
    uploadBytes: 64 * MiB,
    tuning: {
      candidates: [
        { workgroupSize: 32, rowsPerWorkgroup: 4 },
        { workgroupSize: 64, rowsPerWorkgroup: 4 },
        { workgroupSize: 128, rowsPerWorkgroup: 2 },
        { workgroupSize: 256, rowsPerWorkgroup: 1 },
      ],
      problem: gemvProblem('gemma-4-e2b', 'blk.0.attn_q'),
      perFormat: false,
    },
    decodeStep: decodeStep('gemma-4-e2b', 'q4_k', 512 * MiB),
    timing: { warmup: 1, minSamples: 3, maxSamples: 8, targetCi95: 0.03, maxSeconds: 0.5 },
  };
}

/** Aimed at ≤ 30 s on a desktop GPU: more shapes up to the output head, per-format tuning, a 1 MiB–1 GiB sweep, a whole decode step. */
export function fullPlan(): BenchPlan {
  return {
    mode: 'full',
    formats: ['q4_0', 'q4_k', 'q8_0', 'f16'],
    problems: shapes(
      ['gemma-4-e2b', 'blk.0.attn_k'],
      ['gemma-4-26b-a4b', 'blk.0.ffn_down_exps'],
      ['gemma-4-e2b', 'blk.0.attn_q'],
      ['gemma-4-26b-a4b', 'blk.0.ffn_gate_up_exps'],
      ['gemma-4-26b-a4b', 'blk.0.attn_q'],
      ['gemma-4-e4b', 'blk.0.ffn_up'],
      ['gemma-4-31b', 'blk.0.attn_q'],
      ['gemma-4-31b', 'blk.0.ffn_down'],
      ['gemma-4-e2b', 'output'],
    ),
    workingSetBytes: 512 * MiB,
    passSeconds: 0.1,
    sweepBytes: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map((m) => m * MiB),
    sweepPassSeconds: 0.25,
    streamCandidates: streamGrid([64, 128, 256], [16, 64, 256, 1024], [1, 4]),
    uploadBytes: 256 * MiB,
    tuning: {
      candidates: grid([32, 64, 128, 256], [1, 2, 4]),
      problem: gemvProblem('gemma-4-e2b', 'blk.0.attn_q'),
      perFormat: true,
    },
    decodeStep: decodeStep('gemma-4-e2b', 'q4_k', 2 * GiB),
    timing: { warmup: 2, minSamples: 5, maxSamples: 30, targetCi95: 0.03, maxSeconds: 1 },
  };
}
