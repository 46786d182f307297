/** The page of `bench:ram:browser`: runs the RAM benchmark in module Workers and leaves the result on `window`. */
import type { RamSection } from '@cliffbench/core';
import { browserRamWorker, type RamPlan, runRamBenchmark } from '../../src/index.js';

declare global {
  interface Window {
    ramResult?: Promise<{ ram?: RamSection; error?: string }>;
  }
}

const plan = JSON.parse(new URLSearchParams(location.search).get('plan') ?? '{}') as Partial<RamPlan>;
window.ramResult = runRamBenchmark({
  spawn: () => browserRamWorker(new Worker('./worker.js', { type: 'module' })),
  runtime: 'browser',
  logicalCores: navigator.hardwareConcurrency,
  plan,
  onProgress: (p) =>
    console.log(`[${p.done}/${p.total}] ${p.latest.label}: ${p.latest.bandwidthGBs.toFixed(2)} GB/s`),
}).then(
  (ram) => ({ ram }),
  (error: unknown) => ({ error: String(error) }),
);
