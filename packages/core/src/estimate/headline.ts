/**
 * @module estimate/headline — the answer in one line, the same in the CLI and on the page: whether the model fits
 * in GPU memory, whether it runs, and how (the regime with its numbers). One rule per case, as a table.
 */
import type { EstimateResult, Regime } from './scenario.js';

/** The headline of an estimate. */
export interface Headline {
  /** Weights, KV cache and buffers all within the GPU's memory (or its share of unified memory). */
  readonly fitsInGpuMemory: boolean;
  /** llama.cpp loads it and decodes at the estimated speed. */
  readonly runs: boolean;
  /** A few words: "Fits in GPU memory", "Does not fit in GPU memory", "Does not fit with these settings". */
  readonly verdict: string;
  /** How it runs, or why not, naming the regime: "29 of 60 layers on the GPU, the rest in system RAM". */
  readonly how: string;
  /** `ok` when it fits in GPU memory, `warn` when it runs anyway, `bad` when it does not run. */
  readonly tone: 'ok' | 'warn' | 'bad';
  /** "verdict — how". */
  readonly text: string;
}

/** What the headline reads from an estimate (a batch result is enough). */
export type HeadlineInput = Pick<EstimateResult, 'fits' | 'regime' | 'placement'>;

/** The placement in words, for the rules. */
interface Words {
  /** "all 60 layers" or "29 of 60 layers". */
  readonly layers: string;
  /** "MoE experts of the first 14 layers", or undefined when no experts are in RAM. */
  readonly experts: string | undefined;
}

interface Rule {
  readonly fitsInGpuMemory: boolean;
  readonly runs: boolean;
  readonly verdict: string;
  readonly how: (w: Words) => string;
}

/** An explicit placement (`-ngl`, `--n-cpu-moe`) that needs more GPU memory than there is: llama.cpp fails to load. */
type Case = Regime | 'as-set';

const andExperts = (w: Words): string => (w.experts === undefined ? '' : `, ${w.experts} in RAM`);

const RULES: Readonly<Record<Case, Rule>> = {
  gpu: {
    fitsInGpuMemory: true,
    runs: true,
    verdict: 'Fits in GPU memory',
    how: () => 'everything on the GPU',
  },
  unified: {
    fitsInGpuMemory: true,
    runs: true,
    verdict: 'Fits in unified memory',
    how: () => 'everything on the GPU, within its share of unified memory',
  },
  'unified-over-limit': {
    fitsInGpuMemory: false,
    runs: true,
    verdict: 'Does not fit in GPU memory',
    how: () => 'past the GPU’s share of unified memory, macOS paging the excess',
  },
  'partial-offload': {
    fitsInGpuMemory: false,
    runs: true,
    verdict: 'Does not fit in GPU memory',
    how: (w) => `${w.layers} on the GPU, the rest in system RAM${andExperts(w)}`,
  },
  'experts-on-cpu': {
    fitsInGpuMemory: false,
    runs: true,
    verdict: 'Runs with its MoE experts in RAM',
    how: (w) => `${w.experts ?? 'MoE experts'} in RAM, the rest on the GPU`,
  },
  'sysmem-fallback': {
    fitsInGpuMemory: false,
    runs: true,
    verdict: 'Does not fit in GPU memory',
    how: () => 'the driver spills the excess to system RAM and the GPU reads it over PCIe',
  },
  cpu: { fitsInGpuMemory: false, runs: true, verdict: 'Runs on the CPU', how: () => 'CPU only' },
  'as-set': {
    fitsInGpuMemory: false,
    runs: false,
    verdict: 'Does not fit with these settings',
    how: (w) => `${w.layers} on the GPU${andExperts(w)} as set need more than the GPU memory holds`,
  },
  'does-not-fit': {
    fitsInGpuMemory: false,
    runs: false,
    verdict: 'Does not fit at all',
    how: () => 'not even RAM holds it: weights would stream from disk',
  },
};

function wordsOf(p: HeadlineInput['placement']): Words {
  const { gpuLayers: g, totalLayers: n } = p;
  const e = p.cpuMoeLayers ?? 0;
  return {
    layers: g >= n ? `all ${n} layers` : `${g} of ${n} layers`,
    experts:
      e === 0
        ? undefined
        : e >= n
          ? `MoE experts of all ${n} layers`
          : `MoE experts of the first ${e} layers`,
  };
}

/** The headline of an estimate: fits in GPU memory, runs, how, and the line that says so. */
export function headlineOf(e: HeadlineInput): Headline {
  const rule = RULES[!e.fits && e.regime !== 'does-not-fit' ? 'as-set' : e.regime];
  const how = rule.how(wordsOf(e.placement));
  const tone = rule.fitsInGpuMemory ? 'ok' : rule.runs ? 'warn' : 'bad';
  return {
    fitsInGpuMemory: rule.fitsInGpuMemory,
    runs: rule.runs,
    verdict: rule.verdict,
    how,
    tone,
    text: `${rule.verdict} — ${how}`,
  };
}
