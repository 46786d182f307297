/**
 * @module tune/describe-configuration — a ranked fit turned into what people read: settings, speeds,
 * the memory split, a one-line summary and the rendered commands.
 */
import type { TuneModelShape } from './evaluator.js';
import type { RankedFit } from './rank-configurations.js';
import { type RenderOptions, renderSettings } from './render-settings.js';
import type { TradeOff, TunedConfiguration, TunedSettings } from './tune-types.js';

/** 32768 → "32k", 5000 → "5000". */
export function formatTokens(tokens: number): string {
  return tokens % 1024 === 0 ? `${tokens / 1024}k` : String(tokens);
}

const GIB = 2 ** 30;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/** "all 30 layers on the GPU, experts of the first 9 in RAM". */
export function describePlacement(s: TunedSettings): string {
  if (s.gpuLayers === 0) return 'all layers on the CPU';
  const layers =
    s.gpuLayers >= s.totalLayers
      ? `all ${s.totalLayers} layers on the GPU`
      : `${s.gpuLayers} of ${s.totalLayers} layers on the GPU`;
  if (s.cpuMoeLayers === 0) return layers;
  const experts =
    s.cpuMoeLayers >= s.moeLayers ? 'all experts in RAM' : `experts of the first ${s.cpuMoeLayers} in RAM`;
  return `${layers}, ${experts}`;
}

/** "16k context instead of 32k", "q8_0 KV cache", "512 MiB margin instead of 1024 MiB". */
export function describeTradeOff(t: TradeOff): string {
  switch (t.kind) {
    case 'shorter-context':
      return `${formatTokens(t.chosen)} context instead of ${formatTokens(t.requested)}`;
    case 'quantised-kv':
      return `${t.kvCacheType} KV cache`;
    case 'tight-margin':
      return `${t.marginBytes / 2 ** 20} MiB of VRAM left free instead of ${t.requestedMarginBytes / 2 ** 20} MiB`;
  }
}

/** Builds the public configuration for a ranked fit. */
export function describeConfiguration(
  fit: RankedFit,
  shape: TuneModelShape,
  render: RenderOptions,
): TunedConfiguration {
  const c = fit.candidate;
  const e = fit.estimate;
  const settings: TunedSettings = {
    contextTokens: c.contextTokens,
    gpuLayers: c.gpuLayers,
    totalLayers: shape.totalLayers,
    cpuMoeLayers: c.cpuMoeLayers,
    moeLayers: shape.moeLayers,
    kvCacheType: c.kvCacheType,
    flashAttention: true,
    marginBytes: fit.marginBytes,
  };
  const summary = [
    describePlacement(settings),
    `${formatTokens(c.contextTokens)} context`,
    `${c.kvCacheType} KV`,
    e.deviceBytes === 0 ? `${gib(e.hostBytes)} RAM` : `${gib(e.deviceBytes)} VRAM + ${gib(e.hostBytes)} RAM`,
  ].join(', ');
  return {
    settings,
    decodeTokensPerSecond: e.decodeTokensPerSecond,
    prefillTokensPerSecond: e.prefillTokensPerSecond,
    timeToFirstTokenSeconds: e.timeToFirstTokenSeconds,
    band: e.band,
    regime: e.regime,
    memory: {
      weightsBytes: e.weightsBytes,
      kvCacheBytes: e.kvCacheBytes,
      deviceBytes: e.deviceBytes,
      hostBytes: e.hostBytes,
      deviceCapacityBytes: e.deviceCapacityBytes,
      hostCapacityBytes: e.hostCapacityBytes,
    },
    tradeOffs: fit.tradeOffs,
    summary,
    commands: renderSettings(settings, render),
  };
}
