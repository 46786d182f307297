/** @module worker/node-worker — the Node worker_threads entry of a benchmark worker. */
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from './protocol.js';
import { serveRamWorker } from './serve-worker.js';

const port = parentPort;
if (port === null) throw new Error('node-worker.ts runs only as a worker_threads Worker');
serveRamWorker({
  postMessage: (message) => port.postMessage(message),
  listen: (handler) => port.on('message', (message: ToWorker) => handler(message)),
});
