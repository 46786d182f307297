/**
 * @module tune/tune-settings — the settings tuner: for a model, quant, device and host, the fastest
 * llama.cpp configurations that fit (GPU layers, expert layers in RAM, KV type, context, margin), best
 * first, rendered as commands; and what else would fit or run faster.
 */

import { BYTES_PER_MARKETED_GB } from '../device/gpu-table.js';
import { quantAlternatives } from '../estimate/alternatives.js';
import { type ResolveOptions, resolveScenario } from '../estimate/resolve-scenario.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { ModelArchitecture } from '../model/architecture.js';
import { models } from '../model/catalog.js';
import { describeConfiguration } from './describe-configuration.js';
import { estimatorEvaluator } from './estimator-evaluator.js';
import { tuneMultiGpu } from './multi-gpu-tune.js';
import type { RenderOptions } from './render-settings.js';
import {
  DEFAULT_KV_TYPES,
  DEFAULT_MARGIN_BYTES,
  DEFAULT_MIN_CONTEXT_TOKENS,
  type SearchSpace,
  searchConfigurations,
} from './search-configurations.js';
import { suggestAlternatives, type VariantOutcome, type VariantProbe } from './suggest-alternatives.js';
import type { TuneInput, TuneOptions, TuneResult, TuneScenario } from './tune-types.js';

/** Configurations returned unless `limit` says otherwise. */
const DEFAULT_LIMIT = 5;

/** Where variants of the tuned scenario come from (other models of the family). */
export interface TuneContext {
  /** The scenario as given, to re-resolve with another model. */
  readonly scenario?: TuneScenario;
  /** Models of a family to suggest from. @default the catalog's */
  readonly familyModels?: (family: string) => readonly ModelArchitecture[];
}

const catalogFamily = (family: string): readonly ModelArchitecture[] =>
  models.filter((m) => m.family === family);

/** RAM treated as unlimited when working out how much more would make a model fit, bytes. */
const UNLIMITED_RAM_BYTES = 2 ** 50;

function searchSpace(r: ResolvedScenario, o: TuneOptions): SearchSpace {
  return {
    contextTokens: r.settings.contextTokens,
    minContextTokens: o.minContextTokens ?? DEFAULT_MIN_CONTEXT_TOKENS,
    marginBytes: o.marginBytes ?? DEFAULT_MARGIN_BYTES,
    tightMargin: o.tightMargin ?? true,
    kvCacheTypes: o.kvCacheTypes ?? DEFAULT_KV_TYPES,
  };
}

/** The best configuration of a variant, searched at the requested context and margin only (kept cheap). */
function outcome(r: ResolvedScenario, o: TuneOptions): VariantOutcome {
  const result = tuneResolved(r, {
    ...o,
    minContextTokens: r.settings.contextTokens,
    tightMargin: false,
    alternatives: false,
    limit: 1,
    modelPath: undefined,
  });
  return { best: result.configurations[0], weightsBytes: r.sums.totalBytes };
}

function probeFor(r: ResolvedScenario, o: TuneOptions, ctx: TuneContext): VariantProbe {
  const quants = quantAlternatives(r).filter((a) => a.scenario.sums.totalBytes < r.sums.totalBytes);
  const family = (ctx.familyModels ?? catalogFamily)(r.model.family).filter((m) => m.id !== r.model.id);
  const apple = r.hardware.layout === 'unified';
  return {
    smallerQuants: quants.map((a) => a.quantName),
    familyModels: ctx.scenario === undefined ? [] : family.map((m) => ({ id: m.id, name: m.name })),
    currentWeightsBytes: r.sums.totalBytes,
    ramGB: apple ? undefined : r.hardware.ramBytes / BYTES_PER_MARKETED_GB,
    tryQuant(quant) {
      const alt = quants.find((a) => a.quantName === quant);
      return alt === undefined ? { best: undefined, weightsBytes: Infinity } : outcome(alt.scenario, o);
    },
    tryModel(modelId) {
      if (ctx.scenario === undefined) return { best: undefined, weightsBytes: Infinity };
      const variant = resolveScenario({ ...ctx.scenario, model: modelId, weightsBytes: undefined });
      return outcome(variant, o);
    },
    ramShortfallBytes() {
      const hardware = {
        ...r.hardware,
        ramBytes: UNLIMITED_RAM_BYTES,
        ramAvailableBytes: UNLIMITED_RAM_BYTES,
      };
      const best = outcome({ ...r, hardware }, o).best;
      return best === undefined ? undefined : best.memory.hostBytes - r.hardware.ramAvailableBytes;
    },
  };
}

/**
 * Tunes an already resolved scenario (its context is the one asked for; its split and KV settings are
 * ignored). The fast path for the page, which keeps one resolved scenario per model and device.
 */
export function tuneResolved(
  r: ResolvedScenario,
  options: TuneOptions = {},
  ctx: TuneContext = {},
): TuneResult {
  if (r.gpus !== undefined) return tuneMultiGpu(r, options, (v, o) => tuneOneDevice(v, o, ctx));
  return tuneOneDevice(r, options, ctx);
}

/**
 * The slots and projector the scenario runs with, as the rendered commands name them: the projector file as
 * given when it is a local path, else `mmproj-<model id>.gguf` (as `<model id>-<quant>.gguf` names the model).
 */
function serverRender(r: ResolvedScenario, given: string | undefined): Partial<RenderOptions> {
  const { parallel, kvUnified, parallelRuntime } = r.settings;
  const local = given !== undefined && given !== 'auto' && !/^(hf:|[a-z]+:\/\/)/i.test(given);
  return {
    ...(parallel === undefined ? {} : { parallel }),
    ...(kvUnified === undefined ? {} : { kvUnified }),
    ...(parallelRuntime === undefined ? {} : { parallelRuntime }),
    ...(r.mmproj === undefined
      ? {}
      : { mmprojPath: local ? given : `mmproj-${r.model.id}.gguf`, mmprojInRam: !r.mmproj.onGpu }),
  };
}

/** `tuneResolved` for one device, or one split of several GPUs. */
function tuneOneDevice(r: ResolvedScenario, options: TuneOptions, ctx: TuneContext): TuneResult {
  const space = searchSpace(r, options);
  const evaluator = estimatorEvaluator(r);
  const { ranked, evaluations } = searchConfigurations(evaluator, space);
  const render = {
    modelPath: options.modelPath ?? `${r.model.id}-${r.quantName}.gguf`,
    depthTokens: r.settings.depthTokens,
    promptTokens: r.settings.promptTokens,
    generatedTokens: r.settings.generatedTokens,
    ...serverRender(r, ctx.scenario?.mmproj),
  };
  const configurations = ranked
    .slice(0, options.limit ?? DEFAULT_LIMIT)
    .map((fit) => describeConfiguration(fit, evaluator.shape, render));
  const suggestions =
    options.alternatives === false ? [] : suggestAlternatives(configurations[0], probeFor(r, options, ctx));
  return {
    model: { id: r.model.id, name: r.model.name, family: r.model.family },
    quant: r.quantName,
    device: r.hardware.device.name,
    requestedContextTokens: space.contextTokens,
    requestedMarginBytes: space.marginBytes,
    configurations,
    suggestions,
    evaluations,
  };
}

/**
 * The fastest configurations of `input` that fit, best first, with ready-to-paste settings, and what else
 * would fit or run faster. Throws CliffbenchError for bad input (as `estimate` does).
 * @param resolve a GGUF header's architecture and tensors, when the model comes from a file.
 */
export function tuneSettings(
  input: TuneInput,
  resolve: ResolveOptions = {},
  ctx: TuneContext = {},
): TuneResult {
  const {
    marginBytes,
    minContextTokens,
    tightMargin,
    kvCacheTypes,
    limit,
    alternatives,
    modelPath,
    ...scenario
  } = input;
  const options: TuneOptions = {
    marginBytes,
    minContextTokens,
    tightMargin,
    kvCacheTypes,
    limit,
    alternatives,
    modelPath,
  };
  return tuneResolved(resolveScenario(scenario, resolve), options, { scenario, ...ctx });
}
