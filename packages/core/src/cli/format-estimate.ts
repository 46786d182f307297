/**
 * @module cli/format-estimate — a detailed estimate as text for people: the headline (core's `headlineOf`, as
 * the page says it), the regime, decode with its band, prefill and time to first token, core's memory pools as
 * text bars, per-token time by tier, warnings, advice and basis.
 */
import type { DetailedEstimate } from '../estimate/detailed.js';
import { headlineOf } from '../estimate/headline.js';
import { memoryPools } from '../estimate/memory-pools.js';
import { regimeText } from '../estimate/regime-text.js';
import { RUNTIME_BYTES_BAND } from '../uncertainty/derived-bands.js';
import { textBar } from './memory-bar.js';

const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const seconds = (s: number): string => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toFixed(0)} ms`);

function tierLine(e: DetailedEstimate): string {
  const parts = e.breakdown.tiers
    .filter((t) => t.seconds > 0)
    .map(
      (t) =>
        `${t.tier} ${((t.weightBytes + t.kvBytes) / 1e9).toFixed(2)} GB @ ${(t.bytesPerSecond / 1e9).toFixed(0)} GB/s = ${seconds(t.seconds)}`,
    );
  parts.push(`fixed ${seconds(e.breakdown.t0Seconds)}`);
  return parts.join(' · ');
}

const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(1);

/** "GPU 10.7–11.0 GiB · RAM 10.2–10.6 GiB (weights ×0.99–×1.01 of the prediction)", or exact. */
function memoryBandText(e: DetailedEstimate): string {
  const { deviceBytes, hostBytes } = e.memoryBand;
  const range = (b: { low: number; high: number }): string =>
    b.high - b.low < 2 ** 20 ? `${gib(b.low)} GiB` : `${gib(b.low)}–${gib(b.high)} GiB`;
  const parts = [
    ...(e.memory.deviceBytes > 0 ? [`GPU ${range(deviceBytes)}`] : []),
    `RAM ${range(hostBytes)}`,
  ];
  const how = [
    e.breakdown.weightsSource === 'predicted'
      ? 'predicted weights at the published-size band'
      : 'weights from the file: exact',
    ...(e.memory.deviceBytes > 0 && e.breakdown.memory.runtimeBytes > 0
      ? [
          `runtime ${gib(e.breakdown.memory.runtimeBytes * RUNTIME_BYTES_BAND.low)}–${gib(e.breakdown.memory.runtimeBytes * RUNTIME_BYTES_BAND.high)} GiB`,
        ]
      : []),
  ];
  return `${parts.join(' · ')} (${how.join('; ')})`;
}

/** Header words for the scenario: what was estimated. */
export interface EstimateTitle {
  readonly model: string;
  readonly quant: string;
  readonly device: string;
  readonly backend: string;
  readonly contextTokens: number;
  readonly promptTokens: number;
}

/** The human-readable estimate. */
export function formatEstimate(e: DetailedEstimate, title: EstimateTitle): string {
  const row = (label: string, value: string): string => `  ${label.padEnd(15)}${value}`;
  const lines = [
    `${title.model} · ${title.quant} (${(e.memory.weightsBytes / 1e9).toFixed(1)} GB ${e.breakdown.weightsSource}) · ${title.device} (${title.backend}) · context ${title.contextTokens}`,
    '',
    row('Verdict', headlineOf(e).text),
    row('Regime', `${e.regime} (${regimeText[e.regime].name})`),
    row('Decode', `${tps(e.decodeTokensPerSecond)} tok/s  (band ${tps(e.band.low)}–${tps(e.band.high)})`),
    row(
      'Prefill',
      `${tps(e.prefillTokensPerSecond)} tok/s (band ${tps(e.prefillBand.low)}–${tps(e.prefillBand.high)}) over ${title.promptTokens} prompt tokens · time to first token ${seconds(e.timeToFirstTokenSeconds)} (${seconds(e.timeToFirstTokenBand.low)}–${seconds(e.timeToFirstTokenBand.high)})`,
    ),
    ...(e.imageEncode === undefined
      ? []
      : [
          row(
            'Images',
            `image encoding ≈ ${(e.imageEncode.secondsPerImage * 1e3).toFixed(0)} ms × ${e.imageEncode.images} on the ${e.imageEncode.onGpu ? 'GPU' : 'CPU'} (in the time to first token)`,
          ),
        ]),
    ...memoryPools(e).map((pool) => row(pool.label, `${textBar(pool)} ${pool.text}`)),
    row('Memory band', memoryBandText(e)),
    row('Per token', tierLine(e)),
    ...(e.parallel === undefined
      ? []
      : [
          row(
            'Parallel',
            `${e.parallel.streams} streams of ${e.parallel.contextPerStream} tokens: ${tps(e.parallel.perStreamTokensPerSecond)} tok/s each, ${tps(e.parallel.aggregateTokensPerSecond)} tok/s in all`,
          ),
        ]),
  ];
  if (e.warnings.length > 0 || e.advice.length > 0) lines.push('');
  const adviceMessages = new Set(e.advice.map((a) => a.message));
  for (const w of e.warnings) if (!adviceMessages.has(w)) lines.push(`  ! ${w}`);
  if (e.advice.length > 0) {
    lines.push('  What you can change:');
    for (const a of e.advice) lines.push(`    • ${a.message}`);
  }
  lines.push('', `  Basis: ${e.basis}`);
  return lines.join('\n');
}
