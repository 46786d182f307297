/**
 * `npm run validate:vision -w @cliffbench/core`: the vision encoder's predicted time per image
 * (speed/vision-encode.ts) against published measurements, test/fixtures/validation-vision.jsonl (each row
 * citing its source: the encoder's shape, the patches of the measured image, the device and where the encoder
 * ran). Prints every row's predicted and measured milliseconds and their ratio, then the span of the ratios
 * (ENCODE_RANGE must equal it, rounded outwards) and, where there are three rows or more, the leave-one-out error
 * of one fitted efficiency factor (the geometric mean of the other rows' ratios).
 * Usage: tsx scripts/validate-vision.ts [path/to/rows.jsonl] (default: the in-repo fixture, from any directory)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveScenario } from '../src/index.js';
import {
  ENCODE_RANGE,
  encoderFlops,
  imageEncodeTime,
  type VisionEncoder,
} from '../src/speed/vision-encode.js';

interface VisionRow {
  readonly id: string;
  readonly runtime: string;
  readonly device: string;
  readonly encoder: VisionEncoder;
  readonly patches: number;
  readonly onGpu: boolean;
  readonly measured: { readonly encodeMs: number; readonly source: string; readonly note: string };
}

const path =
  process.argv[2] ?? fileURLToPath(new URL('../test/fixtures/validation-vision.jsonl', import.meta.url));
const rows = readFileSync(path, 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as VisionRow);

const ratios: number[] = [];
console.log('row'.padEnd(34), 'device'.padEnd(30), 'TFLOP', '  predicted', '  measured', '  ratio');
for (const row of rows) {
  // Any catalog model will do: only the device's rates (speed coefficients) are used.
  const speed = resolveScenario({ model: 'gemma-3-4b', quant: 'Q4_K_M', device: row.device }).speed;
  const t = imageEncodeTime(speed, row.encoder, row.patches, row.onGpu);
  const { matmul, attention } = encoderFlops(row.encoder, row.patches);
  const ratio = row.measured.encodeMs / 1e3 / t.secondsPerImage;
  ratios.push(ratio);
  console.log(
    row.id.padEnd(34),
    `${row.device} (${row.onGpu ? 'GPU' : 'CPU'})`.padEnd(30),
    ((matmul + attention) / 1e12).toFixed(2).padStart(5),
    `${(t.secondsPerImage * 1e3).toFixed(1)} ms`.padStart(11),
    `${row.measured.encodeMs.toFixed(1)} ms`.padStart(10),
    ratio.toFixed(2).padStart(7),
  );
  console.log(`  ${row.runtime}; ${row.measured.source}`);
}

const low = Math.min(...ratios);
const high = Math.max(...ratios);
console.log(
  `\nmeasured / predicted over ${rows.length} rows: ${low.toFixed(3)}–${high.toFixed(3)}; ENCODE_RANGE ${ENCODE_RANGE.low}–${ENCODE_RANGE.high}`,
);
if (
  ENCODE_RANGE.low > low ||
  ENCODE_RANGE.high < high ||
  low - ENCODE_RANGE.low >= 0.01 ||
  ENCODE_RANGE.high - high >= 0.01
) {
  console.log('ENCODE_RANGE does not match the rows: update it in src/speed/vision-encode.ts');
  process.exitCode = 1;
}
if (rows.length >= 3) {
  // One efficiency factor, fitted to all rows but one (geometric mean of their ratios), predicting the one left out.
  const errors = ratios.map((r, i) => {
    const others = ratios.filter((_, j) => j !== i);
    const factor = Math.exp(others.reduce((a, x) => a + Math.log(x), 0) / others.length);
    return Math.abs(r / factor - 1);
  });
  const sorted = [...errors].sort((a, b) => a - b);
  console.log(
    `leave-one-out |predicted/measured − 1| with one fitted factor: median ${(100 * (sorted[Math.floor(sorted.length / 2)] ?? 0)).toFixed(1)}%, worst ${(100 * Math.max(...errors)).toFixed(1)}%`,
  );
} else {
  console.log('fewer than three rows: no factor fitted, the error is reported as is');
}
