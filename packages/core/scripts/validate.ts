/**
 * `npm run validate -w packages/core`: estimates every validation row (test/fixtures/validation-public.jsonl and
 * validation-extra.jsonl) and prints predicted against measured decode speed, then the median and 90th
 * percentile of |predicted/measured − 1| overall and by backend (decode targets: median ≤ 15 %, p90 ≤ 35 %), and
 * the same for prefill by backend, device class and MoE. In-sample: the coefficients are fitted on these rows;
 * `npm run crossval` gives the held-out figures.
 * Usage: tsx scripts/validate.ts [path/to/validation.jsonl] (default: both in-repo files, from any directory)
 */
import {
  loadValidationRows,
  predictPrefillRows,
  predictRows,
  resolveRows,
  summarize,
  summarizeErrors,
} from './validation.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const rows = loadValidationRows(process.argv[2]);
const resolved = resolveRows(rows);
const predictions = predictRows(resolved);

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
const classes = ['cpu', 'apple', 'integrated', 'discrete'] as const;
console.log('  by device class:');
for (const deviceClass of classes) {
  const errors = predictions.filter((p) => p.deviceClass === deviceClass).map((p) => p.error);
  if (errors.length > 0) console.log(line(deviceClass, summarizeErrors(errors)));
}

const prefill = predictPrefillRows(resolved);
const prefillErrors = (keep: (p: (typeof prefill)[number]) => boolean): ReturnType<typeof summarizeErrors> =>
  summarizeErrors(prefill.filter(keep).map((p) => p.error));
console.log(
  '\nPrefill |predicted/measured − 1| (no target; rows with a prefill figure, incl. prompt sweeps)',
);
console.log(
  line(
    'overall',
    prefillErrors(() => true),
  ),
);
for (const backend of [...new Set(prefill.map((p) => p.backend))].sort()) {
  console.log(
    line(
      backend,
      prefillErrors((p) => p.backend === backend),
    ),
  );
}
console.log('  by device class:');
for (const deviceClass of classes) {
  const rows = prefill.filter((p) => p.deviceClass === deviceClass);
  if (rows.length > 0)
    console.log(
      line(
        deviceClass,
        prefillErrors((p) => p.deviceClass === deviceClass),
      ),
    );
}
console.log(
  line(
    'MoE',
    prefillErrors((p) => p.moe),
  ),
);

const pass = overall.median <= 0.15 && overall.p90 <= 0.35;
console.log(`\n${pass ? 'PASS' : 'FAIL'}: median ${pct(overall.median)}, p90 ${pct(overall.p90)}`);
process.exitCode = pass ? 0 : 1;
