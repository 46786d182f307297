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
import type { DecodeBreakdown } from '../speed/decode.js';
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

/**
 * Decode with every stream generating at once: one batched step reads the weights once and each stream's own KV
 * cache, so a step takes the single-stream time plus (N − 1) streams' KV reads (compute stays small for a few
 * streams, and is not modelled here).
 */
export function parallelStreams(r: ResolvedScenario, decode: DecodeBreakdown): ParallelStreams {
  const layout = streamLayout(r);
  let kvSeconds = 0;
  for (const t of decode.tiers) {
    const weightSeconds = t.weightBytes > 0 ? t.weightBytes / t.bytesPerSecond : 0;
    kvSeconds += Math.max(0, t.seconds - weightSeconds);
  }
  const step = decode.secondsPerToken + (layout.streams - 1) * kvSeconds;
  return {
    streams: layout.streams,
    contextPerStream: layout.contextPerStream,
    allocatedCells: layout.fullCells,
    perStreamTokensPerSecond: 1 / step,
    aggregateTokensPerSecond: layout.streams / step,
  };
}
