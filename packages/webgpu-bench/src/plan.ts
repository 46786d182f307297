/**
 * @module plan — what a benchmark run measures. GEMV shapes come from core's Gemma 4 catalog (attention
 * projections, FFN, MoE expert slices, output head), so "sized like Gemma 4 layers" stays true when the
 * catalog changes.
 */
import { findModel, type ModelArchitecture, type WeightFormat } from '@cliffbench/core';
import type { GemvShape } from './kernels/gemv.wgsl.js';
import type { StopRule } from './stats.js';

export interface GemvProblem {
  /** e.g. "gemma-4-31b ffn_down". */
  readonly label: string;
  readonly rows: number;
  readonly cols: number;
}

export interface BenchPlan {
  readonly mode: 'quick' | 'full';
  readonly formats: readonly WeightFormat[];
  /** GEMV shapes timed in every format; several sizes so t = t_launch + bytes/BW can be fitted. */
  readonly problems: readonly GemvProblem[];
  /**
   * Most distinct bytes a GEMV problem rotates through (copies of the matrix) to defeat caches. The run
   * uses less on slow devices: enough for `passSeconds` at the measured streaming ceiling, at least
   * `minWorkingSetBytes`.
   */
  readonly workingSetBytes: number;
  readonly minWorkingSetBytes: number;
  readonly passSeconds: number;
  /** Working set of the streaming-read ceiling. */
  readonly ceilingBytes: number;
  /** Working-set sizes of the cache sweep (streaming read). */
  readonly sweepBytes: readonly number[];
  /** Bytes per host-to-device upload sample. */
  readonly uploadBytes: number;
  readonly tuneCandidates: readonly GemvShape[];
  /** One model's GEMV sequence per token (first `layers` layers), in q4_0. */
  readonly decodeStep?: { readonly model: string; readonly layers: number };
  readonly timing: StopRule & { readonly warmup: number };
}

const MiB = 2 ** 20;

/** Named GEMV shapes of one layer of `model` (rows = outputs, cols = inputs). */
export function layerProblems(model: ModelArchitecture, layer = 0): GemvProblem[] {
  const l = model.layers[layer];
  if (!l) return [];
  const d = model.hiddenSize;
  const name = (what: string) => `${model.id} ${what}`;
  const out: GemvProblem[] = [
    { label: name('attn_q'), rows: l.headCount * l.headDimK, cols: d },
    { label: name('attn_k'), rows: l.kvHeadCount * l.headDimK, cols: d },
    { label: name('attn_output'), rows: d, cols: l.headCount * l.headDimV },
  ];
  if (l.hasVProj) out.push({ label: name('attn_v'), rows: l.kvHeadCount * l.headDimV, cols: d });
  const ffn = l.ffn;
  const dense = ffn.kind === 'dense' ? ffn.intermediate : ffn.sharedIntermediate;
  if (dense > 0) {
    out.push(
      { label: name('ffn_gate'), rows: dense, cols: d },
      { label: name('ffn_up'), rows: dense, cols: d },
      { label: name('ffn_down'), rows: d, cols: dense },
    );
  }
  if (ffn.kind === 'moe') {
    for (let e = 0; e < ffn.expertsUsed; e++) {
      out.push(
        { label: name(`expert ${e} gate_up`), rows: 2 * ffn.expertIntermediate, cols: d },
        { label: name(`expert ${e} down`), rows: d, cols: ffn.expertIntermediate },
      );
    }
  }
  return out;
}

const pick = (model: string, what: string): GemvProblem => {
  const p = layerProblems(findModel(model)).find((x) => x.label.endsWith(` ${what}`));
  if (!p) throw new Error(`${model} has no ${what} projection`);
  return p;
};

const outputHead = (model: string): GemvProblem => {
  const m = findModel(model);
  return { label: `${m.id} output`, rows: m.vocabSize, cols: m.hiddenSize };
};

/** ≤ 60 s on SwiftShader (a CPU) here; a few seconds on a GPU. */
export function quickPlan(): BenchPlan {
  return {
    mode: 'quick',
    formats: ['q4_0', 'q4_k', 'q8_0', 'f16'],
    problems: [
      pick('gemma-4-26b-a4b', 'expert 0 gate_up'),
      pick('gemma-4-e2b', 'attn_q'),
      pick('gemma-4-e4b', 'ffn_up'),
    ],
    workingSetBytes: 256 * MiB,
    minWorkingSetBytes: 4 * MiB,
    passSeconds: 0.003,
    ceilingBytes: 256 * MiB,
    sweepBytes: [1, 4, 16, 64].map((m) => m * MiB),
    uploadBytes: 16 * MiB,
    tuneCandidates: [
      { workgroupSize: 64, rowsPerWorkgroup: 1 },
      { workgroupSize: 128, rowsPerWorkgroup: 2 },
    ],
    decodeStep: { model: 'gemma-4-26b-a4b', layers: 1 },
    timing: { warmup: 1, minSamples: 3, maxSamples: 6, targetCi95: 0.03, maxSeconds: 1 },
  };
}

/** Aimed at ≤ 30 s on a desktop GPU: 512 MiB working sets, more shapes and formats, a 1 MiB–1 GiB sweep. */
export function fullPlan(): BenchPlan {
  return {
    mode: 'full',
    formats: ['q4_0', 'q4_k', 'q8_0', 'f16', 'f32'],
    problems: [
      pick('gemma-4-26b-a4b', 'expert 0 gate_up'),
      pick('gemma-4-26b-a4b', 'attn_q'),
      pick('gemma-4-e4b', 'ffn_up'),
      pick('gemma-4-31b', 'attn_q'),
      pick('gemma-4-31b', 'ffn_down'),
      outputHead('gemma-4-e2b'),
    ],
    workingSetBytes: 512 * MiB,
    minWorkingSetBytes: 64 * MiB,
    passSeconds: 0.005,
    ceilingBytes: 1024 * MiB,
    sweepBytes: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map((m) => m * MiB),
    uploadBytes: 256 * MiB,
    tuneCandidates: [64, 128, 256].flatMap((workgroupSize) =>
      [1, 2, 4].map((rowsPerWorkgroup) => ({ workgroupSize, rowsPerWorkgroup })),
    ),
    decodeStep: { model: 'gemma-4-26b-a4b', layers: 4 },
    timing: { warmup: 2, minSamples: 5, maxSamples: 30, targetCi95: 0.03, maxSeconds: 2 },
  };
}
