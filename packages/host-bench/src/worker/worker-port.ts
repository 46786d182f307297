/**
 * @module worker/worker-port — how the coordinator talks to one worker, whatever kind it is, and the adapters
 * for a browser `Worker` (coordinator side) and a worker's global scope (worker side).
 */
import type { FromWorker, ToWorker } from './protocol.js';
import { serveRamWorker } from './serve-worker.js';

/** The coordinator's handle on one benchmark worker. */
export interface RamWorkerPort {
  post(message: ToWorker): void;
  /** Registers the handlers for the worker's messages and for its failure (an uncaught error, an exit). */
  listen(onMessage: (message: FromWorker) => void, onError: (error: Error) => void): void;
  terminate(): void;
}

/** Starts one fresh worker. */
export type SpawnRamWorker = () => RamWorkerPort;

/** What the coordinator needs of a browser `Worker` (structural, so this package needs no DOM types). */
export interface BrowserWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string }) => void): void;
  terminate(): void;
}

/** Wraps a browser module Worker whose script calls `serveRamWorkerOn(self)`. */
export function browserRamWorker(worker: BrowserWorkerLike): RamWorkerPort {
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onError) {
      worker.addEventListener('message', (event) => onMessage(event.data as FromWorker));
      worker.addEventListener('error', (event) =>
        onError(new Error(event.message ?? 'the RAM benchmark worker failed to load or crashed')),
      );
    },
    terminate: () => worker.terminate(),
  };
}

/** What a worker needs of its global scope (`self` in a browser Worker). */
export interface WorkerScopeLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

/** The browser worker script's one line: `serveRamWorkerOn(self)`. */
export function serveRamWorkerOn(scope: WorkerScopeLike): void {
  serveRamWorker({
    postMessage: (message) => scope.postMessage(message),
    listen: (handler) => scope.addEventListener('message', (event) => handler(event.data as ToWorker)),
  });
}
