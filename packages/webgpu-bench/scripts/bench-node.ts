/**
 * `npm run bench:node -w @cliffbench/webgpu-bench [-- --full] [-- --json FILE]`: the benchmark in Node on Dawn
 * (SwiftShader without a GPU). Prints bandwidth per format, each GEMV format's ratio to the streaming-read
 * ceiling, the decode step, upload, the sweep and the wall time; `--json` writes the result document.
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
    const at = ((performance.now() - started) / 1000).toFixed(1);
    if (p.latest)
      process.stderr.write(`${p.latest.label}: ${p.latest.bandwidthGBs.toFixed(3)} GB/s (${at} s); `);
  },
});
const wall = (performance.now() - started) / 1000;
const f = (x: number | undefined, digits = 3) => (x === undefined ? '-' : x.toFixed(digits));
const mib = (b: number) => `${+(b / 2 ** 20).toFixed(2)} MiB`;
const ceiling = doc.measurements.find((m) => m.kernel === 'stream-read');
const ratio = (gbs: number) => (ceiling ? f(gbs / ceiling.bandwidthGBs, 2) : '-');
const adapter = [doc.adapter.vendor, doc.adapter.architecture, doc.adapter.description].filter(Boolean);
console.log(`\n\nAdapter: ${adapter.join(' / ')}`);
console.log(`Timing: ${doc.timingMode}; tuning: ${JSON.stringify(doc.tuning)}`);
console.log(
  `Streaming-read ceiling: ${f(ceiling?.bandwidthGBs)} GB/s over ${mib(ceiling?.workingSetBytes ?? 0)}\n`,
);
console.log(
  `${'format'.padEnd(7)} ${'shape'.padEnd(62)} ${'working set'.padStart(11)} ${'GB/s'.padStart(7)} /ceiling`,
);
for (const m of doc.measurements.filter((x) => x.kernel === 'gemv')) {
  const shape = `${m.label} ${m.rows}×${m.cols}`;
  console.log(
    `${m.format.padEnd(7)} ${shape.padEnd(62)} ${mib(m.workingSetBytes).padStart(11)} ${f(m.bandwidthGBs).padStart(7)} ${ratio(m.bandwidthGBs).padStart(8)}`,
  );
}
console.log('\nformat  fit GB/s  launch µs   r²    fit/ceiling');
for (const fit of doc.fits) {
  console.log(
    `${fit.format.padEnd(7)} ${f(fit.bandwidthGBs).padStart(8)} ${(fit.launchSeconds * 1e6).toFixed(0).padStart(10)}  ${fit.r2.toFixed(3)}  ${ratio(fit.bandwidthGBs)}`,
  );
}
for (const m of doc.measurements.filter((x) => x.kernel === 'decode-step')) {
  console.log(
    `\n${m.label}: ${f(m.bandwidthGBs)} GB/s over ${mib(m.workingSetBytes)} (${ratio(m.bandwidthGBs)} of the ceiling)`,
  );
}
for (const u of doc.uploads ?? []) console.log(`Upload (${u.method}): ${f(u.bandwidthGBs, 2)} GB/s`);
console.log(
  `Sweep (streaming read): ${doc.sweep.map((s) => `${mib(s.workingSetBytes)} ${f(s.bandwidthGBs)}`).join(' · ')}`,
);
for (const s of doc.skipped ?? []) console.log(`Skipped ${s.label}: ${s.reason}`);
console.log(`Wall time ${wall.toFixed(1)} s`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
// Exit explicitly: the document is complete, and Dawn's worker threads need not be drained.
process.exit(0);
