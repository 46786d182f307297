/** @module ram/ram-client — starts RAM benchmark Workers and says when this browser cannot run them. */
import { browserRamWorker, type SpawnRamWorker, wasmSimdSupported } from '@cliffbench/host-bench';

/** One module Worker per call; Vite bundles ram-worker.ts (and the inlined WebAssembly) as its own chunk. */
export const spawnRamWorker: SpawnRamWorker = () =>
  browserRamWorker(new Worker(new URL('./ram-worker.ts', import.meta.url), { type: 'module' }));

/** Why this browser cannot run the RAM benchmark, or undefined when it can. */
export function ramUnavailableReason(): string | undefined {
  if (typeof Worker !== 'function')
    return 'This browser has no Web Workers, which the RAM benchmark runs in.';
  if (typeof WebAssembly !== 'object' || !wasmSimdSupported()) {
    return 'This browser lacks WebAssembly SIMD (Chrome 91+, Firefox 89+, Safari 16.4+), which the RAM benchmark needs.';
  }
  return undefined;
}

/** Logical cores the thread sweep goes up to (`navigator.hardwareConcurrency`; 4 where it is hidden). */
export const logicalCores = (): number => navigator.hardwareConcurrency || 4;
