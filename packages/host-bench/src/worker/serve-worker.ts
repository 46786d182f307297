/**
 * @module worker/serve-worker — the body of one benchmark worker, the same in a browser Worker and a Node
 * worker thread: allocates and fills its own buffer, times the kernels at the group barrier and checks every
 * read sum (and each copy) against the JavaScript reference so no result can be optimised away.
 */
import {
  instantiateRamKernels,
  MAX_BUFFER_BYTES,
  type RamKernels,
  WASM_PAGE_BYTES,
  wasmSimdSupported,
} from '../kernels/ram-kernels.js';
import { fillRandomWords, firstDifference, referenceSum, repeatedSum } from '../kernels/reference.js';
import { atomicsBarrier } from './barrier.js';
import type { FromWorker, RamKernelName, ToWorker, WorkerErrorCode } from './protocol.js';
import { timerResolutionSeconds } from './timer-resolution.js';

/** The worker's side of the message channel. */
export interface RamWorkerScope {
  postMessage(message: FromWorker): void;
  /** Registers the one handler for the coordinator's messages. */
  listen(handler: (message: ToWorker) => void): void;
}

/** Repetitions are capped so a calibration loop always ends (2^30 passes of even 16 bytes is seconds). */
const MAX_REPS = 2 ** 30;

class WorkerFailure extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface WorkerBuffer {
  readonly kernels: RamKernels;
  readonly words: Uint32Array;
  /** Single-pass reference sums of [0, bytes), by bytes; dropped when a copy rewrites the buffer. */
  readonly sums: Map<number, number>;
  readonly barrier: () => void | Promise<void>;
}

function allocate(bytes: number): WebAssembly.Memory {
  try {
    return new WebAssembly.Memory({ initial: bytes / WASM_PAGE_BYTES });
  } catch (error) {
    throw new WorkerFailure('out-of-memory', `could not allocate ${bytes} bytes: ${String(error)}`);
  }
}

function referenceFor(buffer: WorkerBuffer, bytes: number): number {
  let sum = buffer.sums.get(bytes);
  if (sum === undefined) {
    sum = referenceSum(buffer.words.subarray(0, bytes / 4));
    buffer.sums.set(bytes, sum);
  }
  return sum;
}

/** One pass of `reps` repetitions over [0, bytes); read sums are checked here, outside any timing. */
function timePass(buffer: WorkerBuffer, kernel: RamKernelName, bytes: number, reps: number): number {
  const half = bytes / 2;
  const expected = kernel === 'read' ? repeatedSum(referenceFor(buffer, bytes), reps) : 0;
  const start = performance.now();
  const sum = kernel === 'read' ? buffer.kernels.read(0, bytes, reps) : 0;
  if (kernel === 'copy') buffer.kernels.copy(half, 0, half, reps);
  const seconds = (performance.now() - start) / 1000;
  if (sum !== expected) {
    throw new WorkerFailure(
      'checksum-mismatch',
      `read of ${bytes} bytes summed to ${sum}, reference ${expected}`,
    );
  }
  return seconds;
}

function checkCopy(buffer: WorkerBuffer, bytes: number): void {
  const halfWords = bytes / 8;
  buffer.sums.clear();
  const at = firstDifference(
    buffer.words.subarray(0, halfWords),
    buffer.words.subarray(halfWords, 2 * halfWords),
  );
  if (at >= 0)
    throw new WorkerFailure('checksum-mismatch', `copy of ${bytes / 2} bytes differs at word ${at}`);
}

/** Serves the protocol on `scope` until the worker is terminated. */
export function serveRamWorker(scope: RamWorkerScope): void {
  let buffer: WorkerBuffer | undefined;
  let release: (() => void) | undefined;
  const messageBarrier = () =>
    new Promise<void>((resolve) => {
      release = resolve;
      scope.postMessage({ type: 'ready' });
    });

  const handle = async (message: Exclude<ToWorker, { type: 'go' }>): Promise<FromWorker> => {
    if (message.type === 'init') {
      if (!wasmSimdSupported()) {
        throw new WorkerFailure('unsupported-runtime', 'this runtime lacks WebAssembly SIMD (128-bit)');
      }
      if (message.bytes > MAX_BUFFER_BYTES) {
        throw new WorkerFailure(
          'out-of-memory',
          `${message.bytes} bytes asked for; a worker holds at most 2 GiB`,
        );
      }
      const memory = allocate(message.bytes);
      const words = new Uint32Array(memory.buffer, 0, message.bytes / 4);
      fillRandomWords(words, message.seed);
      const barrier = message.barrier ? atomicsBarrier(message.barrier, message.parties) : messageBarrier;
      buffer = { kernels: await instantiateRamKernels(memory), words, sums: new Map(), barrier };
      return { type: 'initialized', bytes: message.bytes, timerResolutionSeconds: timerResolutionSeconds() };
    }
    if (buffer === undefined) throw new WorkerFailure('worker-failed', `'${message.type}' before 'init'`);
    if (message.type === 'calibrate') {
      const { kernel, bytes, minSeconds } = message;
      let reps = 1;
      let seconds = timePass(buffer, kernel, bytes, reps);
      // Fastest time per repetition among passes long enough to trust (many timer steps).
      let bestPerRep = Number.POSITIVE_INFINITY;
      for (let confirmed = false; !confirmed && reps < MAX_REPS; ) {
        if (seconds > minSeconds / 16) bestPerRep = Math.min(bestPerRep, seconds / reps);
        confirmed = seconds >= minSeconds;
        // 25% headroom (judgement): rounds over a warmed buffer can run faster than any calibration pass.
        const next = Number.isFinite(bestPerRep) ? Math.ceil((1.25 * minSeconds) / bestPerRep) : reps * 8;
        reps = Math.min(MAX_REPS, Math.max(reps, next));
        // One more pass at the final count confirms it (a pass slowed by another process must not set it).
        seconds = timePass(buffer, kernel, bytes, reps);
      }
      return { type: 'calibrated', reps, seconds };
    }
    const seconds: number[] = [];
    let failure: unknown;
    for (let round = 0; round < message.rounds; round++) {
      await buffer.barrier();
      try {
        seconds.push(timePass(buffer, message.kernel, message.bytes, message.reps));
        if (message.kernel === 'copy' && round === 0) checkCopy(buffer, message.bytes);
      } catch (error) {
        failure ??= error; // keep meeting the barrier so the peers are not left waiting
      }
    }
    if (failure !== undefined) throw failure;
    return { type: 'measured', seconds };
  };

  let queue: Promise<void> = Promise.resolve();
  scope.listen((message) => {
    if (message.type === 'go') {
      release?.();
      release = undefined;
      return;
    }
    queue = queue.then(async () => {
      try {
        scope.postMessage(await handle(message));
      } catch (error) {
        const code = error instanceof WorkerFailure ? error.code : 'worker-failed';
        scope.postMessage({
          type: 'error',
          code,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
}
