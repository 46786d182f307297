import { findQuant, quantizeTensors, type ModelArchitecture, type ResolveOptions } from '../src/index.js';
import { fixtureArch, fixtureFromHfConfig, fixtureTensors } from '../test/weights-fixtures.js';
import type { ValidationRow } from '../scripts/validation.js';
export function fixtureOptions(row: ValidationRow): ResolveOptions | undefined {
  const m = row.scenario.model;
  if (typeof m === 'string') return undefined;
  const cfg = m.hfConfig as Record<string, unknown>;
  const shape = fixtureFromHfConfig(cfg);
  let arch: ModelArchitecture = { ...fixtureArch(shape), maxContext: Number(cfg.max_position_embeddings ?? 4096) };
  const lt = cfg.layer_types as string[] | undefined;
  const win = cfg.sliding_window as number | undefined;
  if (cfg.model_type === 'gpt_oss' && lt) arch = { ...arch, slidingWindow: win, layers: arch.layers.map((l, i) => ({ ...l, attention: lt[i] === 'sliding_attention' ? 'sliding' : 'full' })) };
  if (cfg.model_type === 'gemma3_text') { const pat = cfg.sliding_window_pattern as number; arch = { ...arch, slidingWindow: win, layers: arch.layers.map((l, i) => ({ ...l, attention: (i + 1) % pat === 0 ? 'full' : 'sliding' })) }; }
  const tensors = quantizeTensors(fixtureTensors(shape), findQuant(row.scenario.quant), arch);
  return { model: arch, tensors, quantName: row.scenario.quant };
}
