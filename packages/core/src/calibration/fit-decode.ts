/**
 * @module calibration/fit-decode — η and t0 of the decode model t_token = t0 + bytes_per_token / (η · BW)
 * from tokens/s figures a user measured with llama-bench (tg128 of one model in one or more quantisations).
 */
import { CliffbenchError } from '../errors.js';
import { distinctCount, fitLineRelative } from './least-squares.js';

/** One llama-bench result: bytes read per generated token and the measured decode speed. */
export interface DecodePoint {
  /** Weight (+ KV) bytes read per token, bytes. */
  readonly bytesPerToken: number;
  /** Measured decode speed, tokens/s. */
  readonly tokensPerSecond: number;
}

/** Result of `fitDecodeFromLlamaBench`. */
export interface DecodeFit {
  /** Fraction of the spec bandwidth decode reaches. */
  readonly eta: number;
  /** Fixed cost per token, seconds. */
  readonly t0Seconds: number;
  /** `least-squares` over two or more sizes, or `one-point` with t0 given. */
  readonly method: 'least-squares' | 'one-point';
  /** Coefficient of determination of the least-squares fit (absent for one point). */
  readonly r2?: number;
}

/** Largest η accepted (as in `CalibrationSchema`): above it the inputs contradict the spec bandwidth. */
const MAX_ETA = 1.2;

function fail(message: string, detail: Record<string, unknown> = {}): never {
  throw new CliffbenchError('fit-failed', message, detail);
}

const positive = (value: number): boolean => Number.isFinite(value) && value > 0;

/**
 * Two or more points with distinct `bytesPerToken`: least squares for t0 (≥ 0) and η. One point: t0 is kept
 * at `defaultT0Seconds` (the backend's default, which the caller supplies) and η solved. Throws 'fit-failed'
 * on non-positive or non-finite inputs, a single point without a t0, a point faster than t0 allows, or an η
 * outside (0, 1.2].
 * @param specBandwidthGBs the device's spec bandwidth, GB/s.
 */
export function fitDecodeFromLlamaBench(
  points: readonly DecodePoint[],
  specBandwidthGBs: number,
  defaultT0Seconds?: number,
): DecodeFit {
  if (!positive(specBandwidthGBs))
    fail(`Spec bandwidth must be a positive number of GB/s, got ${specBandwidthGBs}.`);
  if (points.length === 0) fail('Give at least one llama-bench result (bytes per token and tokens/s).');
  const bad = points.findIndex((p) => !(positive(p.bytesPerToken) && positive(p.tokensPerSecond)));
  if (bad >= 0) {
    fail(`Point ${bad} needs bytesPerToken and tokensPerSecond finite and > 0.`, { index: bad });
  }
  const bytesPerSecond = specBandwidthGBs * 1e9;
  const bytes = points.map((p) => p.bytesPerToken);
  const seconds = points.map((p) => 1 / p.tokensPerSecond);
  let fit: DecodeFit;
  if (distinctCount(bytes) >= 2) {
    const line = fitLineRelative(bytes, seconds);
    if (!(line.slope > 0)) {
      fail('Decode is not slower for the larger model size, so η cannot be fitted: check the byte counts.', {
        slope: line.slope,
      });
    }
    fit = {
      eta: 1 / (line.slope * bytesPerSecond),
      t0Seconds: line.intercept,
      method: 'least-squares',
      r2: line.r2,
    };
  } else {
    if (defaultT0Seconds === undefined || !Number.isFinite(defaultT0Seconds) || defaultT0Seconds < 0) {
      fail(
        'One model size fixes only one unknown: pass the backend default t0 (seconds, ≥ 0), or give two sizes.',
      );
    }
    const t0 = defaultT0Seconds;
    const mean = seconds.reduce((sum, t) => sum + t, 0) / seconds.length;
    if (!(mean > t0)) {
      fail(
        `${(1 / mean).toFixed(1)} tokens/s is faster than a fixed cost of ${t0 * 1e3} ms per token allows.`,
        {
          t0Seconds: t0,
        },
      );
    }
    fit = { eta: (bytes[0] as number) / ((mean - t0) * bytesPerSecond), t0Seconds: t0, method: 'one-point' };
  }
  if (!(fit.eta > 0 && fit.eta <= MAX_ETA)) {
    fail(
      `The figures imply η = ${fit.eta.toFixed(2)} of the ${specBandwidthGBs} GB/s spec bandwidth, outside (0, ${MAX_ETA}]: ` +
        'check bytes per token (bytes, not GiB) and the device.',
      { eta: fit.eta },
    );
  }
  return fit;
}
