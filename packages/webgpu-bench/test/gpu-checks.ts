/**
 * The GPU half of the kernel tests, run as its own process by kernels.test.ts: Dawn on SwiftShader crashes
 * (SIGSEGV, "futex facility returned an unexpected error code") when a process that ran multi-workgroup
 * dispatches exits normally, so this script ends with process.exit after printing one JSON line per check.
 */
import type { WeightFormat } from '@cliffbench/core';
import { nodeGpu } from '../scripts/node-gpu.js';
import {
  BenchError,
  createGemvWorkload,
  createStreamWorkload,
  type GpuContext,
  openGpu,
  Xorshift32,
} from '../src/index.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: unknown;
  readonly error?: string;
}

const FORMATS: WeightFormat[] = ['f32', 'f16', 'q8_0', 'q4_0', 'q4_k'];

async function gemv(c: GpuContext, format: WeightFormat, rows: number, cols: number, wg: number, r: number) {
  const w = createGemvWorkload(
    c.device,
    c.probe.limits,
    { format, shapes: [{ rows, cols }], label: `${rows}x${cols}` },
    { workgroupSize: wg, rowsPerWorkgroup: r },
    new Xorshift32(rows * 31 + cols),
  );
  try {
    await w.verify();
    return { dispatches: w.dispatchesPerRun, bytes: w.bytesPerRun };
  } finally {
    w.destroy();
  }
}

const gpu = nodeGpu();
const ctx = await openGpu(gpu);
// A 64 KiB binding limit forces every matrix below to be split across several bindings.
const small = await openGpu(gpu, { maxBindingBytes: 64 * 1024 });
const checks: [string, () => Promise<unknown>][] = [];
for (const f of FORMATS) {
  checks.push([`${f} regular`, () => gemv(ctx, f, 256, 1024, 64, 2)]);
  checks.push([`${f} awkward`, () => gemv(ctx, f, 67, 1000, 128, 4)]);
  checks.push([`${f} split`, () => gemv(small, f, 300, 2048, 64, 1)]);
  checks.push([`${f} bytes`, () => gemv(ctx, f, 64, 4096, 64, 1)]);
}
checks.push([
  'stream split',
  async () => {
    const w = createStreamWorkload(small.device, small.probe.limits, 300 * 1024, new Xorshift32(7));
    try {
      await w.verify();
      return { dispatches: w.dispatchesPerRun, bytes: w.bytesPerRun };
    } finally {
      w.destroy();
    }
  },
]);
checks.push([
  'no webgpu',
  async () => {
    try {
      await openGpu(undefined);
      return { code: 'none' };
    } catch (error) {
      return { code: error instanceof BenchError ? error.code : String(error) };
    }
  },
]);

for (const [name, run] of checks) {
  let result: CheckResult;
  try {
    result = { name, ok: true, detail: await run() };
  } catch (error) {
    result = {
      name,
      ok: false,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
process.exit(0);
