/**
 * @module tune/multi-gpu-tune — tuning on two or more GPUs: the single-device search (GPU layers, experts in RAM,
 * KV type, context, margin) run for each split mode, `-ts` and order of the cards, the best kept, and its
 * commands given the split flags.
 *
 * Candidates: layer split with llama.cpp's default split points (free memory) and, for two GPUs, `-ts` from 1:4
 * to 4:1 (at batch 1 the GPUs run in turn, so putting more layers on the faster card, or rebalancing after
 * `--n-cpu-moe` frees the first GPU, can pay); row split; tensor split (f16 KV only: llama.cpp refuses it
 * otherwise); each for every order of mixed cards (up to three GPUs; the first listed is CUDA device 0, so the
 * order is `CUDA_VISIBLE_DEVICES`). Flags: `-sm`, `-ts` (comma-separated for llama-server, slash-separated for
 * llama-bench: ggml-org/llama.cpp tools/llama-bench/README.md, commit a5410f046c01d01330c8a42f13b64a211fedf2c3),
 * `-mg` for row split.
 */
import type { GpuUnit, MultiGpu } from '../estimate/multi-gpu-hardware.js';
import { multiGpuName } from '../estimate/multi-gpu-hardware.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { SplitMode } from '../estimate/scenario.js';
import { DEFAULT_KV_TYPES } from './search-configurations.js';
import type { TunedConfiguration, TuneOptions, TuneResult } from './tune-types.js';

/** How the GPUs are used by one tuned configuration. */
export interface TunedSplit {
  readonly splitMode: SplitMode;
  /** `-ts` proportions, or undefined for llama.cpp's default (free memory). */
  readonly tensorSplit: readonly number[] | undefined;
  /** The cards in the order to present them (as CUDA_VISIBLE_DEVICES indices into the devices given). */
  readonly order: readonly number[];
  /** Card names in that order. */
  readonly devices: readonly string[];
}

function permutations(n: number): number[][] {
  if (n > 3) return [Array.from({ length: n }, (_, i) => i)];
  const out: number[][] = [];
  const go = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) out.push(prefix);
    for (const x of rest)
      go(
        [...prefix, x],
        rest.filter((y) => y !== x),
      );
  };
  go(
    [],
    Array.from({ length: n }, (_, i) => i),
  );
  return out;
}

/** Distinct orders: identical cards in another order are the same machine. */
function distinctOrders(units: readonly GpuUnit[]): number[][] {
  const seen = new Set<string>();
  return permutations(units.length).filter((p) => {
    const key = p.map((i) => units[i]?.device.name).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Variant {
  readonly split: TunedSplit;
  readonly gpus: MultiGpu;
  readonly kvTypes: TuneOptions['kvCacheTypes'];
}

function variants(g: MultiGpu, kvTypes: NonNullable<TuneOptions['kvCacheTypes']>): Variant[] {
  const out: Variant[] = [];
  for (const order of distinctOrders(g.units)) {
    const units = order.map((i) => g.units[i] as GpuUnit);
    const devices = units.map((u) => u.device.name);
    const add = (splitMode: SplitMode, tensorSplit: number[] | undefined, kv = kvTypes): void => {
      out.push({
        split: { splitMode, tensorSplit, order, devices },
        gpus: { units, splitMode, tensorSplit, mainGpu: 0 },
        kvTypes: kv,
      });
    };
    add('layer', undefined);
    if (units.length === 2)
      for (const ts of [
        [1, 4],
        [1, 2],
        [2, 3],
        [1, 1],
        [3, 2],
        [2, 1],
        [4, 1],
      ])
        add('layer', ts);
    add('row', undefined);
    if (kvTypes.includes('f16')) add('tensor', undefined, ['f16']);
  }
  return out;
}

/** Better: the requested context over a shorter one, then faster decode. */
function better(a: TunedConfiguration | undefined, b: TunedConfiguration | undefined): boolean {
  if (a === undefined) return false;
  if (b === undefined) return true;
  const shortA = a.tradeOffs.some((t) => t.kind === 'shorter-context') ? 1 : 0;
  const shortB = b.tradeOffs.some((t) => t.kind === 'shorter-context') ? 1 : 0;
  if (shortA !== shortB) return shortA < shortB;
  if (a.settings.contextTokens !== b.settings.contextTokens)
    return a.settings.contextTokens > b.settings.contextTokens;
  return a.decodeTokensPerSecond > b.decodeTokensPerSecond * 1.005;
}

/** The split's flags for llama-server (`,`) or llama-bench (`/`), and the device order as an environment. */
export function splitFlags(split: TunedSplit, separator: ',' | '/'): string {
  const parts = [`-sm ${split.splitMode}`];
  if (split.tensorSplit !== undefined) parts.push(`-ts ${split.tensorSplit.join(separator)}`);
  if (split.splitMode === 'row') parts.push('-mg 0');
  return parts.join(' ');
}

function withSplit(c: TunedConfiguration, split: TunedSplit): TunedConfiguration {
  const identity = split.order.every((x, i) => x === i);
  const env = identity ? '' : `CUDA_VISIBLE_DEVICES=${split.order.join(',')} `;
  const cmd = c.commands;
  const names = split.devices.join(', ');
  return {
    ...c,
    split,
    commands: {
      ...cmd,
      llamaServer: `${env}${cmd.llamaServer} ${splitFlags(split, ',')}`,
      llamaBench: `${env}${cmd.llamaBench} ${splitFlags(split, '/')}`,
      ollama: {
        ...cmd.ollama,
        note: [
          cmd.ollama.note,
          `Ollama splits layers across the GPUs on its own, by each card's free memory (a layer split; it has no -sm or -ts setting)${split.splitMode === 'layer' ? '' : `, so it runs this configuration as a layer split, slower than the ${split.splitMode} split shown`}${identity ? '' : `; set CUDA_VISIBLE_DEVICES=${split.order.join(',')} for the card order`}.`,
        ]
          .filter((x) => x !== undefined)
          .join(' '),
      },
      lmStudio: {
        ...cmd.lmStudio,
        note: `${cmd.lmStudio.note} GPUs (${names}): in LM Studio's hardware settings choose the GPU split strategy${split.tensorSplit === undefined ? ' "split evenly"' : ` and put ${split.devices[0]} first ("priority order")`}; it offers no row or tensor split.`,
      },
    },
  };
}

/**
 * Tunes a scenario on several GPUs with `tuneOne` (the single-device tuner) for every split variant, and returns
 * the best variant's configurations with the split flags added.
 */
export function tuneMultiGpu(
  r: ResolvedScenario,
  options: TuneOptions,
  tuneOne: (r: ResolvedScenario, options: TuneOptions) => TuneResult,
): TuneResult {
  const g = r.gpus as MultiGpu;
  const kvTypes = options.kvCacheTypes ?? DEFAULT_KV_TYPES;
  let best: { result: TuneResult; split: TunedSplit; gpus: MultiGpu } | undefined;
  let evaluations = 0;
  let bestFirst: TunedConfiguration | undefined;
  for (const v of variants(g, kvTypes)) {
    const result = tuneOne(
      { ...r, gpus: v.gpus },
      { ...options, kvCacheTypes: v.kvTypes ?? kvTypes, alternatives: false },
    );
    evaluations += result.evaluations;
    const first = result.configurations[0];
    if (best === undefined || better(first, bestFirst)) {
      best = { result, split: v.split, gpus: v.gpus };
      bestFirst = first;
    }
  }
  const chosen = best as { result: TuneResult; split: TunedSplit; gpus: MultiGpu };
  const suggestions =
    options.alternatives === false ? [] : tuneOne({ ...r, gpus: chosen.gpus }, options).suggestions;
  return {
    ...chosen.result,
    device: multiGpuName(g),
    configurations: chosen.result.configurations.map((c) => withSplit(c, chosen.split)),
    suggestions,
    evaluations,
  };
}
