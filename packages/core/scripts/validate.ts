/**
 * `npm run validate -w packages/core`: estimates every row of test/fixtures/validation-public.jsonl and prints
 * predicted against measured decode (and prefill) speed, then the median and 90th percentile of
 * |predicted/measured − 1| overall and by backend. Targets: median ≤ 15 %, p90 ≤ 35 %.
 * Usage: tsx scripts/validate.ts [path/to/validation.jsonl] (default: the in-repo fixture, from any directory)
 */
import { loadValidationRows, predictRows, resolveRows, summarize, summarizeErrors } from './validation.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const rows = loadValidationRows(process.argv[2]);
const predictions = predictRows(resolveRows(rows));

console.log(
  `${'id'.padEnd(6)} ${'backend'.padEnd(7)} ${'regime'.padEnd(15)} ${'pred'.padStart(7)} ${'meas'.padStart(7)} ${'err'.padStart(7)}   row`,
);
for (const p of predictions) {
  console.log(
    `${p.id.padEnd(6)} ${p.backend.padEnd(7)} ${p.regime.padEnd(15)} ${num(p.predicted).padStart(7)} ${num(p.measured).padStart(7)} ${pct(p.error).padStart(7)}   ${p.label}`,
  );
}

const { overall, byBackend } = summarize(predictions);
const line = (name: string, s: { rows: number; median: number; p90: number }): string =>
  `  ${name.padEnd(8)} rows ${String(s.rows).padStart(4)}   median ${pct(s.median).padStart(6)}   p90 ${pct(s.p90).padStart(6)}`;
console.log('\nDecode |predicted/measured − 1| (targets: median ≤ 15%, p90 ≤ 35%)');
console.log(line('overall', overall));
for (const [backend, s] of Object.entries(byBackend)) console.log(line(backend, s));

const prefill = predictions.filter(
  (p) => p.prefillPredicted !== undefined && p.prefillMeasured !== undefined,
);
const prefillSummary = summarizeErrors(
  prefill.map((p) => (p.prefillPredicted as number) / (p.prefillMeasured as number) - 1),
);
console.log('\nPrefill |predicted/measured − 1| (no target; compute-bound estimate)');
console.log(line('overall', prefillSummary));

const pass = overall.median <= 0.15 && overall.p90 <= 0.35;
console.log(`\n${pass ? 'PASS' : 'FAIL'}: median ${pct(overall.median)}, p90 ${pct(overall.p90)}`);
process.exitCode = pass ? 0 : 1;
