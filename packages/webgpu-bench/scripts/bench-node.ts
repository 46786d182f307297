/**
 * `npm run bench:node -w packages/webgpu-bench [-- --full] [-- --json FILE]`: the benchmark in Node on Dawn
 * (SwiftShader without a GPU), printing bandwidth per format, the ratio of each GEMV format to the
 * streaming-read ceiling, and the wall time.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { parseArgs } from 'node:util';
import { fullPlan, quickPlan, runBenchmark } from '../src/index.js';
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
    if (p.latest) process.stderr.write(`${p.latest.label}: ${p.latest.bandwidthGBs.toFixed(2)} GB/s; `);
  },
});
const wall = (performance.now() - started) / 1000;
const ceiling = doc.measurements.find((m) => m.kernel === 'stream-read');
console.log(
  `\n\nAdapter: ${[doc.adapter.vendor, doc.adapter.architecture, doc.adapter.description].filter(Boolean).join(' / ')}`,
);
console.log(
  `Timing: ${doc.timingMode}; tuning: workgroup ${doc.tuning.workgroupSize}, ${doc.tuning.rowsPerWorkgroup} row(s) per workgroup`,
);
console.log(
  `Streaming-read ceiling: ${ceiling?.bandwidthGBs.toFixed(2)} GB/s over ${((ceiling?.workingSetBytes ?? 0) / 2 ** 20).toFixed(0)} MiB\n`,
);
console.log('format  largest-shape GB/s  fit GB/s  launch µs   r²    fit/ceiling');
for (const format of plan.formats) {
  const ms = doc.measurements.filter(
    (m) => m.kernel === 'gemv' && m.format === format && !m.label.includes('decode step'),
  );
  const best = Math.max(...ms.map((m) => m.bandwidthGBs));
  const fit = doc.fits.find((f) => f.format === format);
  const ratio = fit && ceiling ? fit.bandwidthGBs / ceiling.bandwidthGBs : Number.NaN;
  console.log(
    `${format.padEnd(7)} ${best.toFixed(2).padStart(18)}  ${fit ? fit.bandwidthGBs.toFixed(2).padStart(8) : '       -'}  ${fit ? (fit.launchSeconds * 1e6).toFixed(1).padStart(9) : '        -'}  ${fit ? fit.r2.toFixed(3) : '  -  '}  ${ratio.toFixed(2)}`,
  );
}
const step = doc.measurements.find((m) => m.label.includes('decode step'));
if (step) console.log(`\n${step.label}: ${step.bandwidthGBs.toFixed(2)} GB/s`);
console.log(`Upload (writeBuffer): ${doc.upload?.bandwidthGBs.toFixed(2)} GB/s`);
console.log(
  'Sweep (streaming read):',
  doc.sweep
    .map((s) => `${(s.workingSetBytes / 2 ** 20).toFixed(0)} MiB ${s.bandwidthGBs.toFixed(2)}`)
    .join(' · '),
);
console.log(`Wall time ${wall.toFixed(1)} s`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
process.exit(0);
