/** @module bench/bench-worker — the page's benchmark Worker: webgpu-bench's comlink entry, errors with codes. */
import { installErrorTransfer } from './error-transfer.js';
import '@cliffbench/webgpu-bench/worker';

installErrorTransfer();
