/**
 * `npm run crossval -w @cliffbench/core`: how well the decode and prefill models predict a device they were
 * not fitted on. Leave one device out: for each device of the validation rows (test/fixtures/validation-public.jsonl
 * and validation-extra.jsonl; GPU rows grouped by backend and memory bandwidth, so one chip under two names is
 * held out together; CPU rows by CPU and RAM bandwidth), every coefficient — decode (scripts/fit-backends.ts),
 * GPU-generation factors (scripts/fit-generations.ts, from 1) and prefill (scripts/fit-prefill.ts) — is refitted
 * on every other device's rows and the held-out rows are predicted. Prints |predicted/measured − 1| median and p90 over the held-out predictions, overall, by
 * backend and by device class (CPU only, Apple, other unified-memory GPUs, discrete; MoE prefill apart), beside
 * the in-sample figures of one fit on every row. Takes several minutes (two fits per device).
 * Usage: tsx scripts/cross-validate.ts [validation.jsonl] (default: both in-repo files)
 */
import {
  DEFAULT_PARAMETERS,
  decodeError,
  fitAll,
  type Placed,
  placeRows,
  withDecode,
} from './fit-backends.js';
import { prefillError } from './fit-prefill.js';
import {
  type ErrorSummary,
  loadValidationRows,
  resolveRows,
  rowDeviceClass,
  summarizeErrors,
} from './validation.js';

const placed = placeRows(resolveRows(loadValidationRows(process.argv[2])));
const backendOf = (p: Placed): string => p.row.resolved.hardware.backend;
const deviceOf = (p: Placed): string => {
  const hw = p.row.resolved.hardware;
  return hw.layout === 'cpu'
    ? `cpu ${hw.cpu.name} ${hw.ramBandwidthGBs} GB/s`
    : `${hw.backend} ${hw.gpuBandwidthGBs} GB/s`;
};
const isMoe = (p: Placed): boolean =>
  (p.row.resolved.sums.cumMoeLayers[p.row.resolved.sums.layerCount] ?? 0) > 0;
const hasPrefill = (p: Placed): boolean => p.row.measured.prefillTokensPerSecond !== undefined;

interface Held {
  readonly backend: string;
  readonly deviceClass: string;
  readonly moe: boolean;
  readonly error: number;
}

const held = (p: Placed, error: number): Held => ({
  backend: backendOf(p),
  deviceClass: rowDeviceClass(p.row.resolved),
  moe: isMoe(p),
  error,
});

const devices = new Map<string, Placed[]>();
for (const p of placed) devices.set(deviceOf(p), [...(devices.get(deviceOf(p)) ?? []), p]);
const decodeHeld: Held[] = [];
const prefillHeld: Held[] = [];
let done = 0;
for (const [device, rows] of devices) {
  const others = placed.filter((p) => deviceOf(p) !== device);
  const fit = fitAll(others, DEFAULT_PARAMETERS);
  for (const p of withDecode(rows)) decodeHeld.push(held(p, decodeError(p, fit) - 1));
  for (const p of rows.filter(hasPrefill)) prefillHeld.push(held(p, prefillError(p, fit) - 1));
  done += 1;
  process.stderr.write(`\r${done}/${devices.size} devices held out`);
}
process.stderr.write('\n');

const all = fitAll(placed, DEFAULT_PARAMETERS);
const decodeIn = withDecode(placed).map((p) => held(p, decodeError(p, all) - 1));
const prefillIn = placed.filter(hasPrefill).map((p) => held(p, prefillError(p, all) - 1));

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);
const line = (name: string, out: ErrorSummary, fit: ErrorSummary): string =>
  `  ${name.padEnd(18)} rows ${String(out.rows).padStart(4)}   held out: median ${pct(out.median)}  p90 ${pct(out.p90)}` +
  `   in-sample: median ${pct(fit.median)}  p90 ${pct(fit.p90)}`;
const summary = (xs: readonly Held[], keep: (h: Held) => boolean): ErrorSummary =>
  summarizeErrors(xs.filter(keep).map((x) => x.error));

function report(title: string, out: readonly Held[], fit: readonly Held[]): void {
  console.log(title);
  const group = (name: string, keep: (h: Held) => boolean): void => {
    if (out.some(keep)) console.log(line(name, summary(out, keep), summary(fit, keep)));
  };
  group('overall', () => true);
  for (const backend of [...new Set(out.map((x) => x.backend))].sort()) {
    group(backend, (h) => h.backend === backend);
  }
  for (const deviceClass of ['cpu', 'apple', 'integrated', 'discrete']) {
    group(`class ${deviceClass}`, (h) => h.deviceClass === deviceClass);
  }
  group('MoE models', (h) => h.moe);
}

report(
  `Decode |predicted/measured − 1|, leave one device out (${devices.size} devices)`,
  decodeHeld,
  decodeIn,
);
report('\nPrefill |predicted/measured − 1|, leave one device out', prefillHeld, prefillIn);
