/**
 * @module estimate/parallel-slots — concurrent streams of one server and the KV cache they allocate.
 *
 * llama-server `-np N`: the context `-c` is the total; without `--kv-unified` each slot gets `n_ctx / N`
 * (ggml-org/llama.cpp tools/server/server-context.cpp, commit fb4026604c67c682f552337ec9b91eced0abd35a:
 * `n_ctx_slot = n_ctx / params_base.n_parallel`; llama_context logs `n_ctx_seq = n_ctx / n_seq_max` when
 * `kv_unified = false`), and each slot's stream keeps its own sliding-window cache and recurrent state; with
 * `--kv-unified` one cache of `n_ctx` cells serves all slots, each of which may fill it, and the sliding-window
 * part holds the window of every sequence (`n_swa × n_seq_max + n_ubatch`, src/llama-kv-cache-iswa.cpp).
 * Ollama's `OLLAMA_NUM_PARALLEL`: the runner is loaded with `KvSize = NumCtx × numParallel` (ollama/ollama
 * llm/server.go, commit 5dbb81b72c4b61b737e4970db711f7718e4efcc6), so every request keeps the whole context and
 * the allocation grows N-fold.
 */
import { kvCacheCells } from '../footprint/kv-cache.js';
import { cpuDecodeComputeSeconds } from '../speed/cpu-compute.js';
import type { DecodeBreakdown } from '../speed/decode.js';
import { gpuMatmulSeconds } from '../speed/prefill.js';
import { prefillSums } from '../speed/prefill-sums.js';
import type { ResolvedScenario } from './resolved.js';
import type { ParallelStreams } from './scenario.js';

/** The streams of a scenario and the cells their caches take. */
export interface StreamLayout {
  readonly streams: number;
  /** Context each stream may fill, tokens. */
  readonly contextPerStream: number;
  /** Full-attention cells allocated in all. */
  readonly fullCells: number;
  /** Sliding-window cells allocated in all. */
  readonly slidingCells: number;
  /** Sequences with their own recurrent state. */
  readonly stateSequences: number;
}

/** Cells for `parallel` streams under the runtime's rule (one stream: exactly `kvCacheCells`). */
export function streamLayout(r: ResolvedScenario): StreamLayout {
  const { contextTokens, ubatchTokens } = r.settings;
  const n = Math.max(1, r.settings.parallel ?? 1);
  const window = r.kv.slidingWindow;
  if (n === 1) {
    const c = kvCacheCells(contextTokens, window, { ubatchTokens });
    return {
      streams: 1,
      contextPerStream: contextTokens,
      fullCells: c.full,
      slidingCells: c.sliding,
      stateSequences: 1,
    };
  }
  if (r.settings.parallelRuntime === 'ollama' || r.settings.kvUnified === true) {
    const total = r.settings.parallelRuntime === 'ollama' ? contextTokens * n : contextTokens;
    const full = kvCacheCells(total, undefined, { ubatchTokens }).full;
    const sliding =
      window === undefined
        ? full
        : kvCacheCells(Math.min(total, window * n + ubatchTokens), undefined, { ubatchTokens }).full;
    return {
      streams: n,
      contextPerStream: contextTokens,
      fullCells: full,
      slidingCells: Math.min(full, sliding),
      stateSequences: n,
    };
  }
  const perStream = Math.floor(contextTokens / n);
  const c = kvCacheCells(perStream, window, { ubatchTokens });
  return {
    streams: n,
    contextPerStream: perStream,
    fullCells: c.full * n,
    slidingCells: c.sliding * n,
    stateSequences: n,
  };
}

/** Expected distinct experts that `streams` tokens route to, as a multiple of one token's top-k. */
export function expertsTouchedFactor(experts: number, used: number, streams: number): number {
  if (experts <= 0 || used <= 0 || streams <= 1) return 1;
  const share = used / experts;
  return (1 - (1 - share) ** streams) / share;
}

/** One batched decode step of N streams, seconds, and its parts. */
export interface BatchedStep {
  readonly seconds: number;
  /** Accelerator tiers: reading the weights (experts' union for an MoE) and every stream's KV cache. */
  readonly acceleratorMemorySeconds: number;
  /** The N tokens' matmuls on the accelerator at its batch matmul rate (speed/prefill `gpuMatmulSeconds`). */
  readonly acceleratorComputeSeconds: number;
  /** The CPU-held layers: the longer of reading and computing, plus the streams' KV there. */
  readonly cpuSeconds: number;
  /** What the step's growth over one stream's is bound by. */
  readonly bound: 'memory' | 'compute';
  /** Expert bytes read per step ÷ one token's: E·(1 − (1 − k/E)^N) / k (1 for a dense model). */
  readonly expertFactor: number;
}

type StepParts = Pick<BatchedStep, 'acceleratorMemorySeconds' | 'acceleratorComputeSeconds' | 'cpuSeconds'>;

/** The parts of a step of `streams` tokens (see `batchedStep`); at one stream the memory parts are the decode's. */
function stepParts(
  r: ResolvedScenario,
  decode: DecodeBreakdown,
  streams: number,
  expertFactor: number,
): StepParts {
  const s = r.sums;
  const ps = prefillSums(r.model, r.tensors);
  const expertShare =
    decode.weightBytes > 0 ? (s.cumActiveExpertBytes[s.layerCount] ?? 0) / decode.weightBytes : 0;
  const weightGrowth = 1 + expertShare * (expertFactor - 1);
  let acceleratorMemorySeconds = 0;
  let acceleratorWeightBytes = 0;
  let cpuSeconds = 0;
  for (const t of decode.tiers) {
    const weightSeconds = t.weightBytes > 0 ? t.weightBytes / t.bytesPerSecond : 0;
    const kvSeconds = Math.max(0, t.seconds - weightSeconds);
    if (t.tier === 'cpu') {
      // The tier's rate is already the slower of reading and computing one token (speed/decode).
      const compute = streams * cpuDecodeComputeSeconds(r, t.weightBytes);
      cpuSeconds = Math.max(weightSeconds * weightGrowth, compute) + streams * kvSeconds;
    } else {
      acceleratorMemorySeconds += weightSeconds * weightGrowth + streams * kvSeconds;
      acceleratorWeightBytes += t.weightBytes;
    }
  }
  // The accelerator's share of the active weights, in parameters; every stream takes logits, so the output head
  // (counted from its bytes) multiplies all N tokens.
  const share = decode.weightBytes > 0 ? acceleratorWeightBytes / decode.weightBytes : 0;
  const outputParams =
    s.activeBytesPerToken > 0 ? (s.outputActiveBytes * s.activeParams) / s.activeBytesPerToken : 0;
  const acceleratorComputeSeconds =
    share > 0
      ? gpuMatmulSeconds(
          r,
          streams,
          (ps.denseParams + outputParams) * share,
          ps.expertActiveParams * share,
          // N·k token–expert products over the k·factor experts the step touches: N/factor tokens each.
          streams / expertFactor,
        )
      : 0;
  return { acceleratorMemorySeconds, acceleratorComputeSeconds, cpuSeconds };
}

/**
 * A decode step of `streams` tokens, one from each stream (llama.cpp decodes them as one batch):
 *
 * - Weights are read once per step. Shared (non-expert) weights as for one token; an MoE layer reads the union
 *   of the experts its N tokens route to, E·(1 − (1 − k/E)^N) of E under uniform independent routing. Real
 *   routing is correlated (tokens share experts more often than chance), so this is an upper bound on the read.
 *   The expert share of each tier's weight bytes is the model's (a `--cpu-moe` split puts more of the experts on
 *   the CPU tier than that).
 * - Every stream reads its own KV cache: N times one stream's KV bytes.
 * - Compute: the accelerator multiplies the N tokens through its share of the active weights at the batch
 *   matmul rate prefill uses (the path's rate × tile occupancy u/(u + m½), speed/prefill). The CPU tier takes
 *   the longer of reading and N tokens' compute (speed/cpu-compute).
 *
 * The single-stream decode is the calibrated figure and already holds one token's compute, overlapped with its
 * reads. The step is that time plus the growth over one stream: on the accelerator the larger of the memory
 * growth and the compute growth — the GPU streams weights while it multiplies, the roofline prefill's passes
 * use — and the CPU tier's growth. Taking the growth keeps one stream exactly the decode; in the compute growth
 * the occupancy intercept cancels for dense matrices, leaving 2·P·(N − 1) / rate. The roofline (rather than a
 * sum) matches the published batched-bench rows better for MoE models, where the expert reads dominate (a sum
 * under-predicts them; `npm run validate:parallel`). The fixed per-token cost (t0) is paid once per step.
 */
export function batchedStep(r: ResolvedScenario, decode: DecodeBreakdown, streams: number): BatchedStep {
  const ps = prefillSums(r.model, r.tensors);
  const expertFactor = expertsTouchedFactor(ps.experts, ps.expertsUsed, streams);
  const one = stepParts(r, decode, 1, 1);
  const n = streams > 1 ? stepParts(r, decode, streams, expertFactor) : one;
  const memoryGrowth = n.acceleratorMemorySeconds - one.acceleratorMemorySeconds;
  const computeGrowth = n.acceleratorComputeSeconds - one.acceleratorComputeSeconds;
  return {
    seconds: decode.secondsPerToken + Math.max(memoryGrowth, computeGrowth) + (n.cpuSeconds - one.cpuSeconds),
    ...n,
    bound: computeGrowth > memoryGrowth ? 'compute' : 'memory',
    expertFactor,
  };
}

/** Decode with every stream generating at once: one batched step (`batchedStep`) yields a token per stream. */
export function parallelStreams(r: ResolvedScenario, decode: DecodeBreakdown): ParallelStreams {
  const layout = streamLayout(r);
  const step = batchedStep(r, decode, layout.streams).seconds;
  return {
    streams: layout.streams,
    contextPerStream: layout.contextPerStream,
    allocatedCells: layout.fullCells,
    perStreamTokensPerSecond: 1 / step,
    aggregateTokensPerSecond: layout.streams / step,
  };
}
