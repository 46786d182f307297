/**
 * @module estimate/concurrency — decode against the number of concurrent streams (llama-server `-np N`, Ollama
 * `OLLAMA_NUM_PARALLEL`): each stream's tokens/s and all of them together, from core's estimate of the same
 * scenario with N streams (its `parallel` figure), under the runtime's KV rule — so memory, and where the
 * streams stop fitting in GPU memory, move as the runtime allocates them. No physics here: core's only.
 */
import {
  type DetailedEstimate,
  estimateResolved,
  type ResolvedScenario,
  reconfigure,
} from '@cliffbench/core';

/** Stream counts drawn: doubling, with the halfway points, up to 32 (a busy home server). */
export const STREAM_COUNTS: readonly number[] = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

/** Regimes in which every byte sits in GPU (or unified) memory. */
const ALL_ON_GPU: readonly DetailedEstimate['regime'][] = ['gpu', 'unified'];

export interface ConcurrencyPoint {
  readonly streams: number;
  /** Decode each stream sees with all generating at once, tokens/s. */
  readonly perStreamTokensPerSecond: number;
  /** All streams together, tokens/s. */
  readonly aggregateTokensPerSecond: number;
  /** Context each stream may fill, tokens. */
  readonly contextPerStream: number;
  /** Everything (weights and every stream's cache) in GPU memory. */
  readonly onGpu: boolean;
  readonly regime: DetailedEstimate['regime'];
}

export interface ConcurrencyCurve {
  /** Ascending stream counts: `STREAM_COUNTS` and the current setting. */
  readonly points: readonly ConcurrencyPoint[];
  /** The streams asked for. */
  readonly current: number;
  /**
   * The fewest streams that no longer fit in GPU memory when fewer do; undefined when all fit, or when even one
   * stream does not.
   */
  readonly stopsFittingAt: number | undefined;
}

function point(r: ResolvedScenario, streams: number): ConcurrencyPoint {
  const e = estimateResolved(reconfigure(r, { parallel: streams }), { advice: false });
  const onGpu = ALL_ON_GPU.includes(e.regime);
  const p = e.parallel;
  return p === undefined
    ? {
        streams,
        perStreamTokensPerSecond: e.decodeTokensPerSecond,
        aggregateTokensPerSecond: e.decodeTokensPerSecond,
        contextPerStream: r.settings.contextTokens,
        onGpu,
        regime: e.regime,
      }
    : {
        streams,
        perStreamTokensPerSecond: p.perStreamTokensPerSecond,
        aggregateTokensPerSecond: p.aggregateTokensPerSecond,
        contextPerStream: p.contextPerStream,
        onGpu,
        regime: e.regime,
      };
}

/** Decode against the number of streams for `r` (its runtime rule and KV settings), marking `current`. */
export function concurrencyCurve(r: ResolvedScenario): ConcurrencyCurve {
  const current = Math.max(1, r.settings.parallel ?? 1);
  const counts = [...new Set([...STREAM_COUNTS, current])].sort((a, b) => a - b);
  const points = counts.map((n) => point(r, n));
  const first = points[0];
  const stop = first?.onGpu === true ? points.find((p) => !p.onGpu) : undefined;
  return { points, current, stopsFittingAt: stop?.streams };
}
