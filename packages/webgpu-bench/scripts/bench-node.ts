/**
 * `npm run bench:node -w @cliffbench/webgpu-bench [-- --full] [-- --json FILE]`: the benchmark in Node on Dawn
 * (SwiftShader without a GPU). Prints what format-result.ts says (each GEMV's ratio to the tuned streaming
 * ceiling, the fits, the decode step, upload, the sweep) and the wall time; `--json` writes the document.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { parseArgs } from 'node:util';
import { fullPlan, quickPlan, runBenchmark } from '../src/index.js';
import { formatResult } from './format-result.js';
import { nodeGpu } from './node-gpu.js';

const { values } = parseArgs({ options: { full: { type: 'boolean' }, json: { type: 'string' } } });
const plan = values.full ? fullPlan() : quickPlan();
const started = performance.now();
let lastPhase = '';
const doc = await runBenchmark({
  gpu: nodeGpu(),
  plan,
  appVersion: '0.1.0',
  environment: {
    runtime: 'node',
    userAgent: `node ${process.version}`,
    os: `${platform()} ${release()}`,
    logicalCores: cpus().length,
  },
  onProgress: (p) => {
    if (p.phase !== lastPhase) process.stderr.write(`\n[${p.phase}] `);
    lastPhase = p.phase;
    const at = ((performance.now() - started) / 1000).toFixed(1);
    if (p.latest)
      process.stderr.write(`${p.latest.label}: ${p.latest.bandwidthGBs.toFixed(3)} GB/s (${at} s); `);
  },
});
console.log(`\n\n${formatResult(doc).join('\n')}`);
console.log(`Wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
// Exit explicitly: the document is complete, and Dawn's worker threads need not be drained.
process.exit(0);
