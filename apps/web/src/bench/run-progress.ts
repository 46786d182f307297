/**
 * @module bench/run-progress — what the progress bar and the live plot show, folded from the runner's
 * progress events: the phase in words, the fraction done, the latest figure, and every (working set, GB/s)
 * point measured so far, by kind (streaming read or GEMV format). Pure: tested without a Worker.
 */
import type { Progress } from '@cliffbench/webgpu-bench';

/** The phases in words, for the progress line. */
export const PHASE_TEXT: Readonly<Record<Progress['phase'], string>> = {
  starting: 'Opening the GPU',
  sweep: 'Sweeping working-set sizes (where caches stop helping)',
  ceiling: 'Measuring the streaming-read ceiling',
  tuning: 'Tuning the GEMV kernel for this GPU',
  gemv: 'Timing matrix-vector products sized like Gemma 4 layers',
  'decode-step': 'Timing a whole decode step',
  upload: 'Measuring host-to-GPU upload',
  done: 'Done',
};

/** One measured point of the live plot. */
export interface LivePoint {
  readonly workingSetBytes: number;
  readonly bandwidthGBs: number;
  /** `stream` (streaming reads), a GEMV weight format when the label names one, else `gemv` or `decode-step`. */
  readonly kind: string;
  readonly label: string;
}

export interface RunView {
  readonly phase: Progress['phase'];
  readonly fraction: number;
  readonly latest?: Progress['latest'];
  readonly points: readonly LivePoint[];
  /** Fastest figure so far, GB/s. */
  readonly bestGBs?: number;
}

export const INITIAL_RUN_VIEW: RunView = { phase: 'starting', fraction: 0, points: [] };

const FORMAT = /\b(q4_0|q4_k|q8_0|f16|f32)\b/i;

/** The live plot's series a progress event belongs to; undefined for phases it does not show (tuning, upload). */
function kindOf(p: Progress): string | undefined {
  if (p.phase === 'sweep' || p.phase === 'ceiling') return 'stream';
  if (p.phase === 'gemv') return FORMAT.exec(p.latest?.label ?? '')?.[1]?.toLowerCase() ?? 'gemv';
  if (p.phase === 'decode-step') return 'decode-step';
  return undefined;
}

/** The view after event `p`. */
export function foldProgress(view: RunView, p: Progress): RunView {
  const latest = p.latest;
  const kind = kindOf(p);
  const point: LivePoint | undefined =
    latest?.workingSetBytes !== undefined && latest.bandwidthGBs > 0 && kind !== undefined
      ? {
          workingSetBytes: latest.workingSetBytes,
          bandwidthGBs: latest.bandwidthGBs,
          kind,
          label: latest.label,
        }
      : undefined;
  const points = point === undefined ? view.points : [...view.points, point];
  const best = latest === undefined ? view.bestGBs : Math.max(view.bestGBs ?? 0, latest.bandwidthGBs);
  return {
    phase: p.phase,
    fraction: Math.max(view.fraction, Math.min(1, p.fraction)),
    ...(latest === undefined ? (view.latest === undefined ? {} : { latest: view.latest }) : { latest }),
    points,
    ...(best === undefined ? {} : { bestGBs: best }),
  };
}

/** The live plot's data: x = working-set sizes (sorted, distinct), one series of GB/s per kind. */
export function liveColumns(points: readonly LivePoint[]): {
  readonly x: number[];
  readonly series: { readonly kind: string; readonly values: (number | null)[] }[];
} {
  const x = [...new Set(points.map((p) => p.workingSetBytes))].sort((a, b) => a - b);
  const kinds = [...new Set(points.map((p) => p.kind))];
  const series = kinds.map((kind) => {
    const byX = new Map<number, number>();
    for (const p of points) {
      if (p.kind === kind)
        byX.set(p.workingSetBytes, Math.max(byX.get(p.workingSetBytes) ?? 0, p.bandwidthGBs));
    }
    return { kind, values: x.map((v) => byX.get(v) ?? null) };
  });
  return { x, series };
}
