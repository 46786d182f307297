/**
 * @module uncertainty/derived-bands — bands on the figures made of others: time to first token (prefill plus one
 * decoded token, each at the ends of its own band, so the band covers both residual spreads) and memory (the
 * predicted weight bytes at the ends of the published-size band and the runtime's overhead at the ends of its
 * cited range; KV cache, compute buffers and a real file's or GGUF header's weights are exact).
 */
import type { BandFactors } from './band.js';
import { WEIGHT_BYTES_BAND } from './band-table.js';

/** A figure's band. */
export interface Range {
  readonly low: number;
  readonly high: number;
}

/**
 * Time to first token band, seconds: the fast end with prefill and decode both at the fast end of their bands,
 * the slow end with both at the slow end.
 */
export function timeToFirstTokenBand(
  prefillSeconds: number,
  tokenSeconds: number,
  prefill: Pick<BandFactors, 'low' | 'high'>,
  decode: Pick<BandFactors, 'low' | 'high'>,
): Range {
  return {
    low: prefillSeconds / prefill.high + tokenSeconds / decode.high,
    high: prefillSeconds / prefill.low + tokenSeconds / decode.low,
  };
}

/**
 * The runtime's own accelerator memory (driver context, kernels, library workspaces; `runtimeOverheadBytes` in
 * src/footprint/overhead.ts, 500 MiB for CUDA) is not measured per device: its band is the range that file cites,
 * 0.3-0.8 GB for a CUDA context with cuBLAS, relative to the 500 MiB assumed.
 */
export const RUNTIME_BYTES_BAND = { low: 0.3e9 / (500 * 2 ** 20), high: 0.8e9 / (500 * 2 ** 20) } as const;

/**
 * Bytes band of a memory figure holding `weightBytes` of predicted weights (0 when the weights are exact) and
 * `runtimeBytes` of the runtime's assumed overhead.
 */
export function bytesBand(totalBytes: number, weightBytes: number, runtimeBytes = 0): Range {
  return {
    low: totalBytes - weightBytes * (1 - WEIGHT_BYTES_BAND.low) - runtimeBytes * (1 - RUNTIME_BYTES_BAND.low),
    high:
      totalBytes + weightBytes * (WEIGHT_BYTES_BAND.high - 1) + runtimeBytes * (RUNTIME_BYTES_BAND.high - 1),
  };
}
