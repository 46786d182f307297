/**
 * @module estimate/use-estimate — the estimate view's computed signals: the estimate and curves (recomputed on
 * every input change, timed with `performance.measure('cliffbench:recompute')`) and the Gemma 4 table
 * (recomputed only when an input it depends on changes: GPUs and their split, RAM, context, KV type, calibration).
 */
import { computed } from '@preact/signals';
import { inputs, modelFile, pageCalibration } from '../state/store.js';
import type { Inputs } from '../state/url-state.js';
import { type Computed, calibrationFor, compute } from './compute.js';
import { gemmaTable, type TableRow } from './gemma-table.js';

/** Durations of the last recomputes, ms (a plain record: signals may not be written inside `computed`). */
export const timings: { estimateMs?: number; tableMs?: number } = {};

const MEASURE = 'cliffbench:recompute';

function timed<T>(what: 'estimate' | 'table', f: () => T): T {
  const start = performance.now();
  const value = f();
  const end = performance.now();
  performance.measure?.(MEASURE, { start, end, detail: what });
  timings[what === 'estimate' ? 'estimateMs' : 'tableMs'] = end - start;
  return value;
}

/** Estimate and curves, spec and calibrated. */
export const estimate = computed<Computed>(() =>
  timed('estimate', () => compute(inputs.value, modelFile.value, pageCalibration.value)),
);

/** The inputs the table depends on, as one object that keeps its identity while they do not change. */
let tableKey = '';
let tableInputs: Inputs = inputs.peek();
const tableBasis = computed(() => {
  const i = inputs.value;
  const device = estimate.value.device;
  const calibration = calibrationFor(device, pageCalibration.value);
  const key = JSON.stringify([
    i.device,
    i.extraDevices ?? [],
    i.splitMode ?? null,
    i.tensorSplit ?? null,
    i.mainGpu ?? null,
    i.ramGB,
    i.contextTokens,
    i.kvCacheType,
    calibration ?? null,
  ]);
  if (key !== tableKey) {
    tableKey = key;
    tableInputs = i;
  }
  return { inputs: tableInputs, calibration, key };
});

let lastTable: { key: string; rows: TableRow[] } | undefined;
/** Every Gemma 4 model × common quant on the chosen machine. */
export const table = computed<readonly TableRow[]>(() => {
  const { inputs: i, calibration, key } = tableBasis.value;
  if (lastTable?.key === key) return lastTable.rows;
  const rows = timed('table', () => gemmaTable(i, calibration));
  lastTable = { key, rows };
  return rows;
});
