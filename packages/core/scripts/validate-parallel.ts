/**
 * `npm run validate:parallel -w @cliffbench/core`: the evidence for concurrent streams (estimate/parallel-slots),
 * from test/fixtures/validation-parallel.jsonl — published `llama-batched-bench` tables (columns PP, TG, B,
 * S_TG t/s: the aggregate generation speed of B sequences decoding together), each row citing its source and
 * carrying its configuration (`parallel` = B, `depthTokens` = PP, `generatedTokens` = TG, flash attention,
 * micro-batch, one unified cache of N_KV cells). Nothing here is fitted.
 *
 * Prints every row's predicted and measured aggregate tokens/s, then |predicted/measured − 1| (median, p90, worst)
 * over all rows, by B, by dense/MoE and by device; and the same for the scaling ratio aggregate(B) ÷ aggregate(1)
 * of the same table (predicted ratio against measured ratio), which leaves out the single-stream model's error.
 * Usage: tsx scripts/validate-parallel.ts [path/to/rows.jsonl] (default: the in-repo fixture, from any directory)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateResolved, quantile, resolveScenario, type ScenarioInput } from '../src/index.js';

/** One fixture row: a scenario with `parallel` = B, plus what was measured and where it was published. */
interface ParallelRow extends Record<string, unknown> {
  readonly id: string;
  readonly measured: {
    readonly aggregateTokensPerSecond: number;
    readonly source: string;
    readonly device: string;
    readonly model: string;
    readonly test: string;
  };
}

interface Case {
  readonly id: string;
  readonly streams: number;
  readonly moe: boolean;
  readonly device: string;
  /** Rows of one table at one depth share a series: the B = 1 row is its baseline. */
  readonly series: string;
  readonly measured: number;
  readonly predicted: number;
  readonly label: string;
}

const defaultPath = fileURLToPath(new URL('../test/fixtures/validation-parallel.jsonl', import.meta.url));

function loadRows(path: string): ParallelRow[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ParallelRow);
}

function toCase(row: ParallelRow): Case {
  const { measured, ...scenario } = row;
  const r = resolveScenario(scenario as unknown as ScenarioInput);
  const e = estimateResolved(r, { advice: false });
  const streams = r.settings.parallel ?? 1;
  return {
    id: row.id,
    streams,
    moe: (r.sums.cumMoeLayers[r.sums.layerCount] ?? 0) > 0,
    device: measured.device,
    series: `${measured.device} · ${measured.model} · PP ${r.settings.depthTokens}`,
    measured: measured.aggregateTokensPerSecond,
    predicted: streams > 1 ? (e.parallel?.aggregateTokensPerSecond ?? NaN) : e.decodeTokensPerSecond,
    label: `${measured.model} · ${measured.test}`,
  };
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const apct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function summaryLine(name: string, errors: readonly number[]): string {
  if (errors.length === 0) return `  ${name.padEnd(26)} rows   0`;
  const abs = errors.map(Math.abs);
  return `  ${name.padEnd(26)} rows ${String(errors.length).padStart(3)}   median ${apct(quantile(abs, 0.5)).padStart(6)}   p90 ${apct(quantile(abs, 0.9)).padStart(6)}   worst ${apct(Math.max(...abs)).padStart(6)}   median signed ${pct(quantile(errors, 0.5)).padStart(7)}`;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const cases = loadRows(process.argv[2] ?? defaultPath).map(toCase);
const baseline = new Map(cases.filter((c) => c.streams === 1).map((c) => [c.series, c]));
const errorOf = (c: Case): number => c.predicted / c.measured - 1;
/** Error of aggregate(B) ÷ aggregate(1): predicted ratio over measured ratio, minus one (NaN without a B = 1 row). */
const ratioErrorOf = (c: Case): number => {
  const one = baseline.get(c.series);
  return one === undefined ? NaN : c.predicted / one.predicted / (c.measured / one.measured) - 1;
};

console.log(
  `${'B'.padStart(3)} ${'kind'.padEnd(5)} ${'pred'.padStart(7)} ${'meas'.padStart(7)} ${'err'.padStart(8)} ${'÷B=1 err'.padStart(9)}   row`,
);
for (const c of cases) {
  console.log(
    `${String(c.streams).padStart(3)} ${(c.moe ? 'MoE' : 'dense').padEnd(5)} ${num(c.predicted).padStart(7)} ${num(c.measured).padStart(7)} ${pct(errorOf(c)).padStart(8)} ${(c.streams === 1 ? '' : pct(ratioErrorOf(c))).padStart(9)}   ${c.device} · ${c.label}`,
  );
}

const report = (title: string, of: (c: Case) => number, rows: readonly Case[]): void => {
  console.log(`\n${title}`);
  console.log(summaryLine('all', rows.map(of)));
  for (const [name, cs] of groupBy(rows, (c) => (c.moe ? 'MoE' : 'dense')))
    console.log(summaryLine(name, cs.map(of)));
  for (const [b, cs] of groupBy(rows, (c) => `B = ${c.streams}`)) console.log(summaryLine(b, cs.map(of)));
  for (const [d, cs] of groupBy(rows, (c) => c.device)) console.log(summaryLine(d.slice(0, 26), cs.map(of)));
};

report('Aggregate tokens/s: |predicted/measured − 1|', errorOf, cases);
report(
  'Scaling aggregate(B) ÷ aggregate(1), predicted against measured (B > 1)',
  ratioErrorOf,
  cases.filter((c) => c.streams > 1 && baseline.has(c.series)),
);
