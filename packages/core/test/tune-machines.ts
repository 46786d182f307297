/**
 * Models and machines for the tuner tests: Gemma 4, Qwen3-MoE and Llama fixtures (weights-fixtures.ts)
 * quantised like the GGUF files people download, passed to the estimator as resolve options.
 */
import {
  findQuant,
  type ModelArchitecture,
  quantizeTensors,
  type ResolveOptions,
  type TuneInput,
} from '../src/index.js';
import {
  fixtureArch,
  fixtureTensors,
  gemma4Fixture,
  gemma4Shapes,
  llama2_7b,
  qwen3_30b_a3b,
} from './weights-fixtures.js';

export type FixtureModelId =
  | 'gemma-4-26b-a4b'
  | 'gemma-4-31b'
  | 'gemma-4-e4b'
  | 'qwen3-30b-a3b'
  | 'llama-2-7b';

/**
 * Sliding windows from the models' configs (512 for E-models, 1024 for 26B/31B): huggingface/transformers
 * src/transformers/models/gemma4/convert_gemma4_weights.py `_VARIANTS`.
 */
const GEMMA_WINDOW: Readonly<Record<string, number>> = {
  'gemma-4-26b-a4b': 1024,
  'gemma-4-31b': 1024,
  'gemma-4-e4b': 512,
};

function build(id: FixtureModelId) {
  if (id.startsWith('gemma-4')) {
    const shape = gemma4Shapes[id];
    if (shape === undefined) throw new Error(`no fixture ${id}`);
    const { arch, tensors } = gemma4Fixture(shape);
    const model: ModelArchitecture = { ...arch, id, name: id, slidingWindow: GEMMA_WINDOW[id] };
    return { model, tensors };
  }
  const shape = id === 'qwen3-30b-a3b' ? qwen3_30b_a3b : llama2_7b;
  const model: ModelArchitecture = { ...fixtureArch(shape), id, name: id, family: id.split('-')[0] ?? id };
  return { model, tensors: fixtureTensors(shape) };
}

const cache = new Map<string, ResolveOptions>();

/** Resolve options for a fixture model at a GGUF quant mix (memoised). */
export function fixtureModel(id: FixtureModelId, quant = 'Q4_K_M'): ResolveOptions {
  const key = `${id}/${quant}`;
  let found = cache.get(key);
  if (found === undefined) {
    const { model, tensors } = build(id);
    found = { model, tensors: quantizeTensors(tensors, findQuant(quant), model), quantName: quant };
    cache.set(key, found);
  }
  return found;
}

/** The seed's machine: RTX 3060 12GB with 32 GB of dual-channel DDR4-3200 (51.2 GB/s). */
export function rtx3060Input(model: FixtureModelId, contextTokens: number): TuneInput {
  return {
    model,
    quant: 'Q4_K_M',
    device: 'RTX 3060 12GB',
    host: { ramGB: 32, ramBandwidthGBs: 51.2 },
    contextTokens,
  };
}
