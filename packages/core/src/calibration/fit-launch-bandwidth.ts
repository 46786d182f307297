/**
 * @module calibration/fit-launch-bandwidth — effective bandwidth and per-dispatch cost from timings of the
 * same kernel at several sizes: t = launch + bytes / BW, fitted by least squares, so cache effects and fixed
 * costs do not masquerade as bandwidth.
 */
import { CliffbenchError } from '../errors.js';
import { distinctCount, fitLineRelative } from './least-squares.js';

/** One timing: bytes moved and the seconds it took. */
export interface TimingSample {
  readonly bytes: number;
  readonly seconds: number;
}

/** Result of `fitLaunchBandwidth`. */
export interface BandwidthFit {
  /** 1 / slope, GB/s (1e9 bytes/s). */
  readonly bandwidthGBs: number;
  /** Intercept: fixed cost per timed pass, seconds (≥ 0). */
  readonly launchSeconds: number;
  /** Coefficient of determination: how much of the variation in time the line explains. */
  readonly r2: number;
  /** Number of samples fitted. */
  readonly points: number;
  /** Root mean square of the residuals relative to each measured time. */
  readonly residualRelRms: number;
}

function fail(message: string, detail: Record<string, unknown> = {}): never {
  throw new CliffbenchError('fit-failed', message, detail);
}

/**
 * Fits t = launchSeconds + bytes / (bandwidthGBs · 1e9) to `samples` by least squares on relative residuals
 * (timing noise grows with the time measured; intercept held at 0 if the free fit makes it negative). Throws
 * 'fit-failed' unless there are samples at two or more distinct sizes, every bytes and seconds value is
 * finite and positive, and time grows with size.
 */
export function fitLaunchBandwidth(samples: readonly TimingSample[]): BandwidthFit {
  const bad = samples.findIndex(
    (s) => !(Number.isFinite(s.bytes) && s.bytes > 0 && Number.isFinite(s.seconds) && s.seconds > 0),
  );
  if (bad >= 0) {
    fail(
      `Sample ${bad} has bytes ${samples[bad]?.bytes} and seconds ${samples[bad]?.seconds}: both must be finite and > 0.`,
      {
        index: bad,
      },
    );
  }
  const bytes = samples.map((s) => s.bytes);
  const seconds = samples.map((s) => s.seconds);
  const sizes = distinctCount(bytes);
  if (sizes < 2) {
    fail(
      `A bandwidth fit needs timings at two or more distinct sizes; got ${samples.length} sample(s) at ${sizes} size(s).`,
      { points: samples.length, sizes },
    );
  }
  const line = fitLineRelative(bytes, seconds);
  if (!(line.slope > 0)) {
    fail(
      'Time does not grow with the bytes moved, so no bandwidth can be fitted: time sizes further apart, ' +
        'with working sets well beyond the last-level cache.',
      { slope: line.slope },
    );
  }
  return {
    bandwidthGBs: 1 / (line.slope * 1e9),
    launchSeconds: line.intercept,
    r2: line.r2,
    points: line.points,
    residualRelRms: line.residualRelRms,
  };
}
