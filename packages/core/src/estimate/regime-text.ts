/**
 * @module estimate/regime-text — what each placement regime means, in words: a short name and what happens to
 * each token. One table for the CLI, the page's verdict and its tables.
 */
import type { Regime } from './scenario.js';

export interface RegimeText {
  /** Short name shown beside the figures. */
  readonly name: string;
  /** What happens to each token, one sentence. */
  readonly explanation: string;
}

export const regimeText: Readonly<Record<Regime, RegimeText>> = {
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
