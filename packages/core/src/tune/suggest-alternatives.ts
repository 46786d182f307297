/**
 * @module tune/suggest-alternatives — what would fit, or run much faster, when the best configuration
 * spills to system RAM or nothing fits: a smaller quant, a smaller model of the same family, more RAM.
 */
import type { TunedConfiguration, TuneSuggestion } from './tune-types.js';

/** System RAM sizes sold in desktops and laptops, GB, for "more RAM" advice. */
const RAM_SIZES_GB: readonly number[] = [8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];

/** A variant must be this much faster than the best configuration to be worth suggesting. */
const SUGGESTION_MIN_SPEEDUP = 1.25;

/**
 * Decode speed below which the tuner looks for something faster, tokens/s. Silent reading of English runs
 * at about 238 words/min (Brysbaert 2019, "How many words do we read per minute?", J. Memory and Language
 * 109) ≈ 5.3 tokens/s at ~1.3 tokens per word; below twice that, generated text visibly lags a reader.
 */
const SLOW_DECODE_TOKENS_PER_SECOND = 10;

/** The best configuration of a variant, or undefined when nothing of it fits. */
export interface VariantOutcome {
  readonly best: TunedConfiguration | undefined;
  /** Weight bytes of the variant (to tell smaller models from larger ones). */
  readonly weightsBytes: number;
}

/** How to try variants of the tuned scenario. */
export interface VariantProbe {
  /** Quants smaller than the current one, larger first. */
  readonly smallerQuants: readonly string[];
  /** Other models of the same family, any order. */
  readonly familyModels: readonly { readonly id: string; readonly name: string }[];
  readonly currentWeightsBytes: number;
  /** System RAM now, GB; undefined on unified-memory machines (RAM is the device's memory). */
  readonly ramGB: number | undefined;
  tryQuant(quant: string): VariantOutcome;
  tryModel(modelId: string): VariantOutcome;
  /** RAM the best configuration would need when RAM were no limit, bytes beyond what is usable now. */
  ramShortfallBytes(): number | undefined;
}

const fmt = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(1));

function isBetter(outcome: VariantOutcome, best: TunedConfiguration | undefined): boolean {
  if (outcome.best === undefined) return false;
  if (best === undefined) return true;
  return outcome.best.decodeTokensPerSecond >= best.decodeTokensPerSecond * SUGGESTION_MIN_SPEEDUP;
}

function quantSuggestion(probe: VariantProbe, best: TunedConfiguration | undefined): TuneSuggestion[] {
  // The largest smaller quant that is worth it: the least quality given up.
  for (const quant of probe.smallerQuants) {
    const outcome = probe.tryQuant(quant);
    if (outcome.best === undefined || !isBetter(outcome, best)) continue;
    const config = outcome.best;
    return [
      {
        kind: 'smaller-quant',
        target: quant,
        decodeTokensPerSecond: config.decodeTokensPerSecond,
        message: `${quant} runs at about ${fmt(config.decodeTokensPerSecond)} tok/s here (${config.summary}).`,
      },
    ];
  }
  return [];
}

function modelSuggestion(probe: VariantProbe, best: TunedConfiguration | undefined): TuneSuggestion[] {
  // The largest smaller model that is worth it: the closest to what was asked for.
  let pick: { name: string; id: string; weightsBytes: number; config: TunedConfiguration } | undefined;
  for (const model of probe.familyModels) {
    const outcome = probe.tryModel(model.id);
    if (outcome.weightsBytes >= probe.currentWeightsBytes || !isBetter(outcome, best)) continue;
    if (outcome.best === undefined) continue;
    if (pick === undefined || outcome.weightsBytes > pick.weightsBytes) {
      pick = { ...model, weightsBytes: outcome.weightsBytes, config: outcome.best };
    }
  }
  if (pick === undefined) return [];
  return [
    {
      kind: 'smaller-model',
      target: pick.id,
      decodeTokensPerSecond: pick.config.decodeTokensPerSecond,
      message: `${pick.name} runs at about ${fmt(pick.config.decodeTokensPerSecond)} tok/s here (${pick.config.summary}).`,
    },
  ];
}

function ramSuggestion(probe: VariantProbe): TuneSuggestion[] {
  if (probe.ramGB === undefined) return [];
  const shortfall = probe.ramShortfallBytes();
  if (shortfall === undefined || shortfall <= 0) return [];
  const needed = probe.ramGB + shortfall / 1e9;
  const ramGB = RAM_SIZES_GB.find((g) => g >= needed) ?? Math.ceil(needed);
  return [
    {
      kind: 'more-ram',
      ramGB,
      message: `With ${ramGB} GB of RAM (about ${fmt(needed)} GB needed) the rest of the model would fit in system memory.`,
    },
  ];
}

/**
 * Suggestions for a tuned scenario. None when the best configuration decodes at
 * `SLOW_DECODE_TOKENS_PER_SECOND` or faster; otherwise the largest smaller quant and the largest smaller
 * same-family model that are at least `SUGGESTION_MIN_SPEEDUP` faster (or that fit at all when nothing
 * does), and more RAM when nothing fits.
 */
export function suggestAlternatives(
  best: TunedConfiguration | undefined,
  probe: VariantProbe,
): TuneSuggestion[] {
  if (best !== undefined && best.decodeTokensPerSecond >= SLOW_DECODE_TOKENS_PER_SECOND) return [];
  return [
    ...quantSuggestion(probe, best),
    ...modelSuggestion(probe, best),
    ...(best === undefined ? ramSuggestion(probe) : []),
  ];
}
