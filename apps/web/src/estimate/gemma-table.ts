/**
 * @module estimate/gemma-table — every Gemma 4 model × the quants people download, on the chosen device, RAM
 * and context (and the GPUs beside it, split as the inputs say): the table that answers "31B or 26B A4B on my
 * 3060 12GB?" in one view. Rows use llama.cpp's automatic fit, one stream and no vision projector (the GPU-layer,
 * offload, streams and projector inputs apply to the model above, not to the table).
 */
import {
  type Calibration,
  type DetailedEstimate,
  estimateResolved,
  models,
  type Regime,
} from '@cliffbench/core';
import type { Inputs } from '../state/url-state.js';
import { resolvedFor } from './resolved-cache.js';

/** The quants of the table: the mixes most downloaded for llama.cpp, 3- to 8-bit. */
export const TABLE_QUANTS = ['Q3_K_M', 'Q4_K_M', 'Q5_K_M', 'Q6_K', 'Q8_0'] as const;

export interface TableRow {
  readonly modelId: string;
  readonly modelName: string;
  /** Position in the catalog (smallest model first): the order "Model" sorts by. */
  readonly modelOrder: number;
  readonly quant: string;
  /** Weight bytes (predicted from the quant mix). */
  readonly weightsBytes: number;
  /** Everything in GPU memory (or unified memory within its limit). */
  readonly onGpu: boolean;
  readonly fits: boolean;
  readonly regime: Regime;
  readonly gpuLayers: number;
  readonly totalLayers: number;
  /** Decode on spec figures, tokens/s, with its band. */
  readonly decode: number;
  readonly band: { readonly low: number; readonly high: number };
  readonly prefill: number;
  readonly ttftSeconds: number;
  /** Decode on the page's measured figures, tokens/s, when there are any for this device. */
  readonly decodeCalibrated?: number;
}

/** Columns the table sorts by. */
export type SortKey =
  | 'modelName'
  | 'quant'
  | 'weightsBytes'
  | 'gpuLayers'
  | 'decode'
  | 'prefill'
  | 'ttftSeconds';

export const ON_GPU: readonly Regime[] = ['gpu', 'unified'];

function row(
  model: { readonly id: string; readonly name: string; readonly order: number },
  quant: string,
  e: DetailedEstimate,
  c?: DetailedEstimate,
): TableRow {
  return {
    modelId: model.id,
    modelName: model.name,
    modelOrder: model.order,
    quant,
    weightsBytes: e.memory.weightsBytes,
    onGpu: ON_GPU.includes(e.regime) && e.fits,
    fits: e.fits,
    regime: e.regime,
    gpuLayers: e.placement.gpuLayers,
    totalLayers: e.placement.totalLayers,
    decode: e.decodeTokensPerSecond,
    band: e.band,
    prefill: e.prefillTokensPerSecond,
    ttftSeconds: e.timeToFirstTokenSeconds,
    ...(c === undefined ? {} : { decodeCalibrated: c.decodeTokensPerSecond }),
  };
}

/**
 * Every Gemma 4 model × `TABLE_QUANTS` on the inputs' device, RAM, context and KV type. A pair core cannot
 * estimate at all (a device it cannot resolve) gives no rows; the caller shows the estimate's own error.
 */
export function gemmaTable(inputs: Inputs, calibration?: Calibration): TableRow[] {
  const auto: Inputs = { ...inputs, offload: 'auto' };
  const {
    gpuLayers: _ngl,
    parallel: _np,
    parallelRuntime: _rt,
    kvUnified: _kvu,
    mmprojBytes: _mmproj,
    mmprojOnCpu: _mmcpu,
    images: _images,
    ...withoutLayers
  } = auto;
  const rows: TableRow[] = [];
  for (const [order, m] of models.entries()) {
    if (m.family !== 'gemma-4') continue;
    for (const quant of TABLE_QUANTS) {
      const these: Inputs = { ...withoutLayers, model: m.id, quant };
      try {
        const e = estimateResolved(resolvedFor(these), { advice: false });
        const c =
          calibration === undefined
            ? undefined
            : estimateResolved(resolvedFor(these, undefined, calibration), { advice: false });
        rows.push(row({ id: m.id, name: m.name, order }, quant, e, c));
      } catch {
        // Unknown or ambiguous device: the estimate above says so once.
      }
    }
  }
  return rows;
}

/** Rows sorted by `key`; text columns alphabetically, numbers numerically, ties by decode speed. */
export function sortRows(rows: readonly TableRow[], key: SortKey, descending: boolean): TableRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key === 'modelName' ? a.modelOrder : a[key];
    const y = key === 'modelName' ? b.modelOrder : b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * c || b.decode - a.decode;
  });
}
