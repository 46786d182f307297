/**
 * @module tune/format-tune — a tuning result as plain text for terminals: the ranked configurations,
 * the best one's commands for llama.cpp, Ollama and LM Studio, suggestions, and the speed curve.
 */
import { describeTradeOff, formatTokens } from './describe-configuration.js';
import type { TuneCurve } from './tune-curve.js';
import type { TunedConfiguration, TuneResult } from './tune-types.js';

const GIB = 2 ** 30;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;
const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function row(i: number, c: TunedConfiguration): string {
  const gives = c.tradeOffs.length === 0 ? 'nothing' : c.tradeOffs.map(describeTradeOff).join('; ');
  return [
    `${i + 1}.`.padStart(3),
    `${tps(c.decodeTokensPerSecond)} tok/s`.padStart(11),
    `(${tps(c.band.low)}–${tps(c.band.high)})`.padEnd(14),
    `prefill ${tps(c.prefillTokensPerSecond)} tok/s, TTFT ${c.timeToFirstTokenSeconds.toFixed(2)} s`.padEnd(
      36,
    ),
    `${c.summary}`,
    `\n${''.padStart(30)}gives up: ${gives}`,
  ].join(' ');
}

function commands(c: TunedConfiguration): string[] {
  const k = c.commands;
  const ollama = [
    `  Ollama:        ${k.ollama.serve}`,
    ...k.ollama.modelfile.split('\n').map((l) => `                 ${l}`),
  ];
  if (k.ollama.note !== undefined) ollama.push(`                 (${k.ollama.note})`);
  return [
    `  llama-server:  ${k.llamaServer}`,
    `  llama-bench:   ${k.llamaBench}`,
    ...ollama,
    `  LM Studio:     ${k.lmStudio.cli}`,
    `                 ${k.lmStudio.note}`,
  ];
}

/**
 * What the GPU memory figures count: one GPU's, or the total over several (the tuner sums their memory and
 * keeps the margin free across them).
 */
function gpuMemoryOf(c: TunedConfiguration | undefined): string {
  const gpus = c?.split?.devices.length ?? 1;
  return gpus > 1 ? `memory of the ${gpus} GPUs together` : 'memory';
}

/** The whole result as text. */
export function formatTuneResult(r: TuneResult): string {
  const best = r.configurations[0];
  const margin =
    best?.memory.deviceCapacityBytes === 0
      ? ''
      : `, ${(r.requestedMarginBytes / 2 ** 20).toFixed(0)} MiB of GPU ${gpuMemoryOf(best)} kept free`;
  const lines = [
    `${r.model.name} ${r.quant} on ${r.device}: ${formatTokens(r.requestedContextTokens)} context asked${margin}`,
    '',
  ];
  if (best === undefined) {
    lines.push('Nothing fits on this machine.');
  } else {
    lines.push('Configurations that fit, best first (decode tok/s with its band):');
    r.configurations.forEach((c, i) => {
      lines.push(row(i, c));
    });
    lines.push('', `Best: ${best.summary}`, ...commands(best));
    const m = best.memory;
    const gpu =
      m.deviceCapacityBytes > 0
        ? `${gib(m.deviceBytes)} of ${gib(m.deviceCapacityBytes)} GPU ${gpuMemoryOf(best)}, `
        : '';
    lines.push(
      `  Memory: ${gpu}${gib(m.hostBytes)} of ${gib(m.hostCapacityBytes)} RAM ` +
        `(weights ${gib(m.weightsBytes)}, KV cache ${gib(m.kvCacheBytes)})`,
    );
  }
  if (r.suggestions.length > 0) {
    lines.push('', best === undefined ? 'What would fit:' : 'Faster options:');
    for (const s of r.suggestions) lines.push(`  - ${s.message}`);
  }
  return lines.join('\n');
}

const BAR = 30;

/** The curve as a table with a bar per point; the chosen point and non-fitting points are marked. */
export function formatTuneCurve(c: TuneCurve): string {
  const top = Math.max(...c.points.map((p) => p.decodeTokensPerSecond), 1e-9);
  const lines = [`${c.xLabel}, ${formatTokens(c.contextTokens)} context, ${c.kvCacheType} KV`];
  for (const p of c.points) {
    const bar = '█'.repeat(Math.max(0, Math.round((p.decodeTokensPerSecond / top) * BAR))).padEnd(BAR);
    const mark = p.x === c.chosenX ? '  ← chosen' : p.fits ? '' : '  (does not fit)';
    lines.push(`${String(p.x).padStart(4)}  ${tps(p.decodeTokensPerSecond).padStart(7)}  ${bar}${mark}`);
  }
  return lines.join('\n');
}
