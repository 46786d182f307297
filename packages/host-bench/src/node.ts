/**
 * @module @cliffbench/host-bench/node — the Node side: benchmark workers as worker_threads, and the runner
 * bound to them. Kept out of the main entry so browser bundles never see `node:worker_threads`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RamSection } from '@cliffbench/core';
import { type RamRunOptions, runRamBenchmark } from './run/runner.js';
import type { FromWorker } from './worker/protocol.js';
import type { RamWorkerPort } from './worker/worker-port.js';

/** Built code runs the compiled .js entry; from sources (tsx, vitest) the .ts entry is loaded through tsx. */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./worker/node-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** Starts one benchmark worker thread. */
export function spawnNodeRamWorker(): RamWorkerPort {
  const worker = startWorker();
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.on('message', (message: FromWorker) => onMessage(message));
      worker.on('error', onError);
      worker.on('exit', (code) => onError(new Error(`the RAM benchmark worker exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/** Runs the RAM benchmark on worker threads, one per logical core at most. */
export function runRamBenchmarkInNode(
  options: Omit<RamRunOptions, 'spawn' | 'runtime' | 'logicalCores'> & { logicalCores?: number } = {},
): Promise<RamSection> {
  return runRamBenchmark({
    ...options,
    spawn: spawnNodeRamWorker,
    runtime: 'node',
    logicalCores: options.logicalCores ?? availableParallelism(),
  });
}
