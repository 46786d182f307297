/**
 * `npm run validate:multigpu -w packages/core`: estimates every row of test/fixtures/validation-multigpu.jsonl
 * (published llama.cpp decode measurements on 2 to 8 GPUs, each row citing its source) and prints predicted
 * against measured decode speed, then the median, 90th percentile and worst |predicted/measured − 1| overall,
 * by split mode and by card count. No pass/fail target: the figures are the evidence for the multi-GPU model.
 * Usage: tsx scripts/validate-multigpu.ts [path/to/rows.jsonl] (default: the in-repo fixture, from any directory)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateResolved, quantile, resolveScenario, type ScenarioInput } from '../src/index.js';

/** One fixture row: a batch scenario plus what was measured and where it was published. */
interface MultiGpuRow extends Record<string, unknown> {
  readonly id: string;
  readonly measured: {
    readonly decodeTokensPerSecond: number;
    readonly source: string;
    readonly device?: string;
    readonly model?: string;
    readonly test?: string;
  };
}

const defaultPath = fileURLToPath(new URL('../test/fixtures/validation-multigpu.jsonl', import.meta.url));

/** How many GPUs a row names: a `devices` list, or `device: "4x rtx 3090"`, else one. */
export function cardCount(row: Record<string, unknown>): number {
  if (Array.isArray(row.devices)) return row.devices.length;
  const m = typeof row.device === 'string' ? /^\s*(\d+)\s*[x×]\s*/i.exec(row.device) : null;
  return m ? Number(m[1]) : 1;
}

function loadRows(path: string): MultiGpuRow[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MultiGpuRow);
}

interface Prediction {
  readonly id: string;
  readonly splitMode: string;
  readonly cards: number;
  readonly regime: string;
  readonly predicted: number;
  readonly measured: number;
  readonly error: number;
  readonly label: string;
}

function predict(row: MultiGpuRow): Prediction {
  const { measured, ...scenario } = row;
  const resolved = resolveScenario(scenario as unknown as ScenarioInput);
  const e = estimateResolved(resolved, { advice: false });
  const splitMode = typeof row.splitMode === 'string' ? row.splitMode : 'layer';
  return {
    id: row.id,
    splitMode,
    cards: cardCount(row),
    regime: e.regime,
    predicted: e.decodeTokensPerSecond,
    measured: measured.decodeTokensPerSecond,
    error: e.decodeTokensPerSecond / measured.decodeTokensPerSecond - 1,
    label:
      `${measured.device ?? String(row.device)} · ${measured.model ?? String(row.model)} ${String(row.quant)} ${measured.test ?? ''}`.trim(),
  };
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const apct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function summaryLine(name: string, ps: readonly Prediction[]): string {
  const abs = ps.map((p) => Math.abs(p.error));
  const signed = ps.map((p) => p.error);
  return `  ${name.padEnd(10)} rows ${String(ps.length).padStart(3)}   median ${apct(quantile(abs, 0.5)).padStart(6)}   p90 ${apct(quantile(abs, 0.9)).padStart(6)}   worst ${apct(Math.max(...abs)).padStart(6)}   median signed ${pct(quantile(signed, 0.5)).padStart(7)}`;
}

function groupBy(ps: readonly Prediction[], key: (p: Prediction) => string): Map<string, Prediction[]> {
  const m = new Map<string, Prediction[]>();
  for (const p of ps) m.set(key(p), [...(m.get(key(p)) ?? []), p]);
  return m;
}

const path = process.argv[2] ?? defaultPath;
const predictions = loadRows(path).map(predict);

console.log(
  `${'id'.padEnd(6)} ${'split'.padEnd(6)} ${'gpus'.padStart(4)} ${'regime'.padEnd(15)} ${'pred'.padStart(7)} ${'meas'.padStart(7)} ${'err'.padStart(8)}   row`,
);
for (const p of predictions) {
  console.log(
    `${p.id.padEnd(6)} ${p.splitMode.padEnd(6)} ${String(p.cards).padStart(4)} ${p.regime.padEnd(15)} ${num(p.predicted).padStart(7)} ${num(p.measured).padStart(7)} ${pct(p.error).padStart(8)}   ${p.label}`,
  );
}

console.log('\nDecode |predicted/measured − 1| (no target; evidence for the multi-GPU decode model)');
console.log(summaryLine('overall', predictions));
for (const [mode, ps] of groupBy(predictions, (p) => p.splitMode)) console.log(summaryLine(`sm ${mode}`, ps));
const byCards = [...groupBy(predictions, (p) => String(p.cards))].sort((a, b) => Number(a[0]) - Number(b[0]));
for (const [cards, ps] of byCards) console.log(summaryLine(`${cards} GPUs`, ps));
