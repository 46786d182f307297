/**
 * `npm run fit:experts -w @cliffbench/core`: fits `sharedSpeed.cpuExpertEta`, the fraction of the CPU's weight
 * read rate reached on MoE expert slices, to the published runs with experts in system RAM: the validation
 * rows with offload "experts" and test/tune-published.ts. One parameter, least squares on
 * log(predicted/measured), by Nelder–Mead (scripts/nelder-mead.ts); prints the value and each row's error at 1
 * (no correction), at the current default and at the fit.
 * Usage: tsx scripts/fit-experts.ts [validation.jsonl] (default: test/fixtures/validation-public.jsonl)
 */
import { type ResolvedScenario, resolveScenario, sharedSpeed } from '../src/index.js';
import { place } from '../src/placement/place.js';
import { decodeTime } from '../src/speed/decode.js';
import { publishedExpertRuns, publishedScenario } from '../test/tune-published.js';
import { nelderMead } from './nelder-mead.js';
import { loadValidationRows, resolveRows } from './validation.js';

interface ExpertRow {
  readonly id: string;
  readonly resolved: ResolvedScenario;
  readonly measuredTokensPerSecond: number;
}

const validation: ExpertRow[] = resolveRows(
  loadValidationRows(process.argv[2]).filter((row) => row.scenario.offload === 'experts'),
).map((row) => ({
  id: row.id,
  resolved: row.resolved,
  measuredTokensPerSecond: row.measured.decodeTokensPerSecond,
}));
const published: ExpertRow[] = publishedExpertRuns.map((run) => {
  const { input, options } = publishedScenario(run);
  return {
    id: run.id,
    resolved: resolveScenario(input, options),
    measuredTokensPerSecond: run.decodeTokensPerSecond,
  };
});
const rows = [...validation, ...published];

const logError = (row: ExpertRow, cpuExpertEta: number): number => {
  const r = { ...row.resolved, speed: { ...row.resolved.speed, cpuExpertEta } };
  return Math.log(decodeTime(r, place(r)).tokensPerSecond / row.measuredTokensPerSecond);
};
const loss = (eta: number): number => rows.reduce((sum, row) => sum + logError(row, eta) ** 2, 0);

// η in (0, 1) through a sigmoid, minimised by the fit scripts' Nelder–Mead from the current default.
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const start = Math.log(sharedSpeed.cpuExpertEta / (1 - sharedSpeed.cpuExpertEta));
const fitted = sigmoid(nelderMead(([x]) => loss(sigmoid(x ?? start)), [start]).x[0] ?? start);
const pct = (x: number): string => `${((Math.exp(x) - 1) * 100).toFixed(1)}%`.padStart(7);
console.log(
  `cpuExpertEta fitted ${fitted.toFixed(3)} over ${rows.length} rows (default ${sharedSpeed.cpuExpertEta})`,
);
console.log(`  ${'row'.padEnd(12)} ${'at 1'.padStart(7)} ${'default'.padStart(7)} ${'fitted'.padStart(7)}`);
for (const row of rows) {
  console.log(
    `  ${row.id.padEnd(12)} ${pct(logError(row, 1))} ${pct(logError(row, sharedSpeed.cpuExpertEta))} ${pct(logError(row, fitted))}`,
  );
}
