/**
 * @module estimate/regimes — what each placement regime means, in words, and the verdict line for an
 * estimate: one table, so the headline, the table and the charts describe regimes the same way.
 */
import type { EstimateResult, Regime } from '@cliffbench/core';

export interface RegimeText {
  /** Short name shown beside the figures. */
  readonly name: string;
  /** What happens to each token, one sentence. */
  readonly explanation: string;
}

export const REGIMES: Readonly<Record<Regime, RegimeText>> = {
  gpu: {
    name: 'all on the GPU',
    explanation:
      'Weights, KV cache and buffers all sit in GPU memory: each token reads them at full GPU bandwidth.',
  },
  unified: {
    name: 'unified memory',
    explanation: 'Everything fits in unified memory within the GPU’s working-set limit.',
  },
  'unified-over-limit': {
    name: 'past the GPU memory limit',
    explanation:
      'Past the GPU’s default share of unified memory (iogpu.wired_limit_mb): loading fails or every token waits on paging. Raise the limit or pick a smaller quant.',
  },
  'partial-offload': {
    name: 'layers split GPU / CPU',
    explanation:
      'Some layers run on the CPU from system RAM. Every token waits for the CPU’s share at RAM bandwidth — this is the VRAM cliff.',
  },
  'experts-on-cpu': {
    name: 'MoE experts in RAM',
    explanation:
      'Routed expert weights sit in system RAM and the CPU computes them; attention and shared weights stay on the GPU. Only the experts a token uses are read.',
  },
  'sysmem-fallback': {
    name: 'driver sysmem fallback',
    explanation:
      'The driver spills GPU memory to system RAM and the GPU reads it over PCIe every token: usually the slowest way to not fit.',
  },
  cpu: {
    name: 'CPU only',
    explanation: 'No GPU: the CPU reads every weight from system RAM for each token.',
  },
  'does-not-fit': {
    name: 'does not fit',
    explanation:
      'Not even system RAM holds weights and KV cache: weights stream from disk, if it loads at all.',
  },
};

/** Regimes with everything in accelerator memory. */
const ON_GPU: readonly Regime[] = ['gpu', 'unified'];

/** The verdict: does it fit, where, and how good that is (`ok` / `warn` / `bad`). */
export function verdict(e: EstimateResult): { readonly text: string; readonly tone: 'ok' | 'warn' | 'bad' } {
  if (!e.fits) {
    // An explicit placement (GPU layers past the fit) fails to load; otherwise not even RAM holds it.
    const text = e.regime === 'does-not-fit' ? 'Does not fit at all' : 'Does not fit with these settings';
    return { text, tone: 'bad' };
  }
  if (ON_GPU.includes(e.regime)) {
    return { text: e.regime === 'gpu' ? 'Fits in GPU memory' : 'Fits in unified memory', tone: 'ok' };
  }
  if (e.regime === 'cpu') return { text: 'Runs on the CPU', tone: 'warn' };
  if (e.regime === 'experts-on-cpu') return { text: 'Runs with its MoE experts in RAM', tone: 'warn' };
  return { text: 'Does not fit in GPU memory', tone: 'warn' };
}

/** Where the layers are, e.g. "29 of 60 layers on the GPU", "experts of 15 of 30 layers in RAM". */
export function placementText(e: EstimateResult): string {
  const { gpuLayers, totalLayers, cpuMoeLayers } = e.placement;
  const layers =
    gpuLayers >= totalLayers ? `all ${totalLayers} layers` : `${gpuLayers} of ${totalLayers} layers`;
  const experts = cpuMoeLayers !== undefined && cpuMoeLayers > 0 ? `, experts of ${cpuMoeLayers} in RAM` : '';
  return `${layers} on the GPU${experts}`;
}
