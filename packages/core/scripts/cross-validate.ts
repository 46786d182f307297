/**
 * `npm run crossval -w @cliffbench/core`: how well the decode model predicts a device it was not fitted on.
 * Leave one device out: for each device of test/fixtures/validation-public.jsonl (rows grouped by backend and
 * memory bandwidth, so one chip under two names is held out together), the decode coefficients are refitted
 * (scripts/fit-backends.ts) on every other device's rows and the held-out rows are predicted. Prints
 * |predicted/measured − 1| median and p90 over the held-out predictions, overall and by backend, beside the
 * in-sample figures of one fit on every row. Takes a few minutes (one fit per device).
 * Usage: tsx scripts/cross-validate.ts [validation.jsonl] (default: test/fixtures/validation-public.jsonl)
 */
import { DEFAULT_PARAMETERS, decodeError, fitDecode, type Placed, placeRows } from './fit-backends.js';
import { type ErrorSummary, loadValidationRows, resolveRows, summarizeErrors } from './validation.js';

const placed = placeRows(resolveRows(loadValidationRows(process.argv[2])));
const backendOf = (p: Placed): string => p.row.resolved.hardware.backend;
const deviceOf = (p: Placed): string => `${backendOf(p)} ${p.row.resolved.hardware.gpuBandwidthGBs} GB/s`;

const devices = new Map<string, Placed[]>();
for (const p of placed) devices.set(deviceOf(p), [...(devices.get(deviceOf(p)) ?? []), p]);
const heldOut: { backend: string; error: number }[] = [];
let done = 0;
for (const [device, rows] of devices) {
  const fitted = fitDecode(
    placed.filter((p) => deviceOf(p) !== device),
    DEFAULT_PARAMETERS,
  );
  for (const p of rows) heldOut.push({ backend: backendOf(p), error: decodeError(p, fitted) - 1 });
  done += 1;
  process.stderr.write(`\r${done}/${devices.size} devices held out`);
}
process.stderr.write('\n');

const all = fitDecode(placed, DEFAULT_PARAMETERS);
const inSample = placed.map((p) => ({ backend: backendOf(p), error: decodeError(p, all) - 1 }));

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);
const line = (name: string, held: ErrorSummary, fit: ErrorSummary): string =>
  `  ${name.padEnd(8)} rows ${String(held.rows).padStart(4)}   held out: median ${pct(held.median)}  p90 ${pct(held.p90)}` +
  `   in-sample: median ${pct(fit.median)}  p90 ${pct(fit.p90)}`;
const summary = (xs: readonly { backend: string; error: number }[], backend?: string): ErrorSummary =>
  summarizeErrors(xs.filter((x) => backend === undefined || x.backend === backend).map((x) => x.error));

console.log(`Decode |predicted/measured − 1|, leave one device out (${devices.size} devices)`);
console.log(line('overall', summary(heldOut), summary(inSample)));
for (const backend of [...new Set(heldOut.map((x) => x.backend))].sort()) {
  console.log(line(backend, summary(heldOut, backend), summary(inSample, backend)));
}
