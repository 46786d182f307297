/**
 * Published llama.cpp runs with MoE experts in system RAM where the setting is stated (`--cpu-moe` /
 * `--n-cpu-moe N`), for checking the tuner's physics and choices. Add rows as sweeps are found; the test
 * runs over all of them.
 */
import type { ResolveOptions, ScenarioInput, TuneInput } from '../src/index.js';
import { type FixtureModelId, fixtureModel } from './tune-machines.js';

export interface PublishedExpertRun {
  readonly id: string;
  readonly source: string;
  /** The machine and run, as a tuner input (contextTokens = what was run, when stated). */
  readonly input: TuneInput;
  /** Fixture model the run used (weights-fixtures.ts). */
  readonly model: FixtureModelId;
  readonly quant: string;
  /** The published `--n-cpu-moe` (all layers for `--cpu-moe`). */
  readonly cpuMoeLayers: number;
  /** Published decode tokens/s at that setting. */
  readonly decodeTokensPerSecond: number;
  /** Contexts the run may have used when the source does not say, tokens. */
  readonly contextRange?: readonly [number, number];
  readonly note: string;
}

export const publishedExpertRuns: readonly PublishedExpertRun[] = [
  {
    id: 'llmfit-755',
    source: 'https://github.com/AlexsJones/llmfit/pull/755',
    model: 'qwen3-30b-a3b',
    quant: 'Q4_K_M',
    input: {
      model: 'qwen3-30b-a3b',
      quant: 'Q4_K_M',
      device: 'RTX 2080',
      // i9-10900X, quad-channel DDR4: the PR quotes ~102 GB/s measured, i.e. DDR4-3200 x4 (102.4 GB/s peak).
      host: { ramGB: 64, ramBandwidthGBs: 102.4 },
      contextTokens: 4096,
    },
    cpuMoeLayers: 36,
    decodeTokensPerSecond: 36.7,
    contextRange: [4096, 32768],
    note: 'RTX 2080 8GB, llama-server -ngl 99 --n-cpu-moe 36, Qwen3-30B-A3B-Instruct-2507 Q4_K_M; server-reported generation speed; RAM size and context not stated',
  },
];

/** A run as the scenario it published: every layer on the GPU (`-ngl 99`) and its `--n-cpu-moe`. */
export function publishedScenario(run: PublishedExpertRun): {
  input: ScenarioInput;
  options: ResolveOptions;
} {
  const options = fixtureModel(run.model, run.quant);
  const gpuLayers = options.model?.layers.length ?? 0;
  return { input: { ...run.input, gpuLayers, cpuMoeLayers: run.cpuMoeLayers }, options };
}
