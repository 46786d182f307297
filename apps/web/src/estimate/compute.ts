/**
 * @module estimate/compute — everything the estimate view shows, computed from the inputs (and a
 * calibration from the benchmark, when there is one): the detailed estimate, the three cliff curves and the
 * Gemma 4 × quant table. Pure; errors become a message instead of a crash.
 */
import {
  type Calibration,
  CliffbenchError,
  type Curve,
  cliffCurveResolved,
  type DetailedEstimate,
  estimateResolved,
  models,
  resolveScenario,
  type ScenarioInput,
} from '@cliffbench/core';
import type { Inputs } from '../state/url-state.js';

export interface TableRow {
  readonly model: string;
  readonly modelName: string;
  readonly quant: string;
  readonly decode: number;
  readonly low: number;
  readonly high: number;
  readonly regime: string;
  readonly weightsGB: number;
}

export interface Computed {
  readonly scenario: ScenarioInput;
  readonly estimate?: DetailedEstimate;
  readonly calibrated?: DetailedEstimate;
  readonly curves: { readonly context?: Curve; readonly gpuMemory?: Curve; readonly gpuLayers?: Curve };
  readonly table: readonly TableRow[];
  readonly error?: string;
}

export const TABLE_QUANTS = ['Q4_K_M', 'Q5_K_M', 'Q6_K', 'Q8_0'] as const;

export function scenarioOf(i: Inputs, hfConfig?: Record<string, unknown>): ScenarioInput {
  return {
    model: hfConfig ? { hfConfig } : i.model,
    quant: i.quant,
    device: i.device,
    host: { ramGB: i.ramGB },
    contextTokens: i.contextTokens,
    offload: i.offload,
    ...(i.gpuLayers === undefined ? {} : { gpuLayers: i.gpuLayers }),
  };
}

const message = (e: unknown) => (e instanceof CliffbenchError || e instanceof Error ? e.message : String(e));

export function compute(i: Inputs, calibration?: Calibration, hfConfig?: Record<string, unknown>): Computed {
  const scenario = scenarioOf(i, hfConfig);
  try {
    const r = resolveScenario(scenario);
    const estimate = estimateResolved(r);
    const calibrated = calibration
      ? estimateResolved(resolveScenario({ ...scenario, calibration }))
      : undefined;
    const rc = calibrated ? resolveScenario({ ...scenario, calibration }) : r;
    const curves = {
      context: cliffCurveResolved(rc, 'context', { points: 24 }),
      gpuMemory: cliffCurveResolved(rc, 'gpuMemory', { points: 24 }),
      gpuLayers: cliffCurveResolved(rc, 'gpuLayers'),
    };
    return {
      scenario,
      estimate,
      ...(calibrated ? { calibrated } : {}),
      curves,
      table: gemmaTable(i, calibration),
    };
  } catch (e) {
    return { scenario, curves: {}, table: [], error: message(e) };
  }
}

/** Every Gemma 4 model × common quant on the chosen device and host. */
export function gemmaTable(i: Inputs, calibration?: Calibration): TableRow[] {
  const rows: TableRow[] = [];
  for (const m of models.filter((x) => x.family === 'gemma-4')) {
    for (const quant of TABLE_QUANTS) {
      try {
        const e = estimateResolved(
          resolveScenario({
            ...scenarioOf({ ...i, model: m.id, quant, offload: 'auto' }),
            ...(calibration ? { calibration } : {}),
          }),
        );
        rows.push({
          model: m.id,
          modelName: m.name,
          quant,
          decode: e.decodeTokensPerSecond,
          low: e.band.low,
          high: e.band.high,
          regime: e.regime,
          weightsGB: e.memory.weightsBytes / 1e9,
        });
      } catch {
        // A model the device cannot run at all is simply absent from the table.
      }
    }
  }
  return rows;
}
