/**
 * `npm run bench:ceiling -w @cliffbench/webgpu-bench [-- --full] [-- --rounds N]`: the benchmark's streaming
 * sweep and tuned ceiling (and its copy cross-check) on Dawn in Node, beside a held-out read kernel tuned
 * on the same working set (scripts/held-out-read.ts), alternating for N rounds (default 2) so drift hits
 * both. Prints each round and the ceiling ÷ the held-out best (target ≥ 0.8).
 */
import { parseArgs } from 'node:util';
import { fullPlan, openGpu, quickPlan } from '../src/index.js';
import { ceilingPhase } from '../src/run/ceiling-phase.js';
import { RunState } from '../src/run/run-state.js';
import { sweepPhase } from '../src/run/sweep-phase.js';
import { heldOutRead } from './held-out-read.js';
import { nodeGpu } from './node-gpu.js';

const { values } = parseArgs({ options: { full: { type: 'boolean' }, rounds: { type: 'string' } } });
const plan = values.full ? fullPlan() : quickPlan();
const ctx = await openGpu(nodeGpu());
const run = new RunState(
  ctx,
  { gpu: nodeGpu(), plan, environment: { runtime: 'node', userAgent: 'node' }, appVersion: '0' },
  1,
);
const { sweep, largestBytes } = await sweepPhase(run);
const mib = (b: number) => `${+(b / 2 ** 20).toFixed(2)} MiB`;
console.log(`${ctx.adapter.vendor} ${ctx.adapter.architecture} ${ctx.adapter.description}`.trim());
console.log(
  `Sweep: ${sweep.map((s) => `${mib(s.workingSetBytes)} ${s.bandwidthGBs.toFixed(3)}`).join(' · ')}`,
);
const ratios: number[] = [];
for (let round = 1; round <= Number(values.rounds ?? 2); round++) {
  const ours = await ceilingPhase(run, largestBytes);
  const copy = run.measurements.at(-2);
  const held = await heldOutRead(ctx, ours.ceiling.workingSetBytes);
  const ratio = ours.ceiling.bandwidthGBs / held.bandwidthGBs;
  ratios.push(ratio);
  console.log(
    `Round ${round} at ${mib(ours.ceiling.workingSetBytes)}: ceiling ${ours.ceiling.bandwidthGBs.toFixed(3)} GB/s ` +
      `(${JSON.stringify(ours.shape)}), copy ${copy?.bandwidthGBs.toFixed(3)} GB/s read+written, ` +
      `held-out ${held.bandwidthGBs.toFixed(3)} GB/s (workgroup ${held.workgroupSize}, ${held.perThread}/thread) → ${ratio.toFixed(2)}`,
  );
}
console.log(`Ceiling ÷ held-out best: ${ratios.map((r) => r.toFixed(2)).join(', ')} (target ≥ 0.8)`);
run.destroy();
ctx.device.destroy();
process.exit(0);
