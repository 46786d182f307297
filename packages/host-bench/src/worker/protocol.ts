/**
 * @module worker/protocol — the messages between the coordinator and each benchmark worker. Plain
 * structured-clone data, the same in a browser Worker and a Node worker thread.
 */

/** `read` sums a buffer; `copy` copies its first half onto its second half. */
export type RamKernelName = 'read' | 'copy';

/** Error codes a worker reports; the coordinator turns them into CliffbenchErrors. */
export type WorkerErrorCode = 'out-of-memory' | 'unsupported-runtime' | 'checksum-mismatch' | 'worker-failed';

export type ToWorker =
  | {
      readonly type: 'init';
      /** Buffer size, bytes (a multiple of the 64 KiB WebAssembly page). */
      readonly bytes: number;
      /** Seed of the pseudo-random fill; distinct per worker. */
      readonly seed: number;
      /** Int32 barrier words shared by the group, when SharedArrayBuffer is usable. */
      readonly barrier?: SharedArrayBuffer;
      /** Workers in the group (barrier parties). */
      readonly parties: number;
    }
  | {
      /** Doubles the repetitions (alone, no barrier) until one pass lasts `minSeconds`; answers `calibrated`. */
      readonly type: 'calibrate';
      readonly kernel: RamKernelName;
      readonly bytes: number;
      readonly minSeconds: number;
    }
  | {
      /** `rounds` timed passes of `reps` repetitions, each started at the group barrier; answers `measured`. */
      readonly type: 'measure';
      readonly kernel: RamKernelName;
      readonly bytes: number;
      readonly reps: number;
      readonly rounds: number;
    }
  /** Message barrier: every worker is `ready`; start the round. */
  | { readonly type: 'go' };

export type FromWorker =
  | {
      readonly type: 'initialized';
      readonly bytes: number;
      /** Smallest step of performance.now() observed in this worker, seconds. */
      readonly timerResolutionSeconds: number;
    }
  | { readonly type: 'calibrated'; readonly reps: number; readonly seconds: number }
  /** Message barrier: this worker waits for `go`. */
  | { readonly type: 'ready' }
  | { readonly type: 'measured'; readonly seconds: readonly number[] }
  | { readonly type: 'error'; readonly code: WorkerErrorCode; readonly message: string };
