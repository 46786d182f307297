/**
 * @module run/worker-group — N benchmark workers driven as one: started and filled together, each round
 * begun at a common barrier, their per-round times collected. Closing terminates them all.
 */
import { CliffbenchError } from '@cliffbench/core';
import { BARRIER_WORDS } from '../worker/barrier.js';
import type { FromWorker, RamKernelName, ToWorker } from '../worker/protocol.js';
import type { SpawnRamWorker } from '../worker/worker-port.js';

/** How the workers of a group start each round together. */
export type BarrierMode = 'atomics' | 'message';

export interface WorkerGroup {
  readonly size: number;
  readonly bytesPerWorker: number;
  readonly barrier: BarrierMode;
  /** Coarsest performance.now() step any of the workers observed, seconds. */
  readonly timerResolutionSeconds: number;
  /** Repetitions that make one pass of the first worker (alone) last `minSeconds`. */
  calibrate(
    kernel: RamKernelName,
    bytes: number,
    minSeconds: number,
  ): Promise<{ reps: number; seconds: number }>;
  /** `rounds` barrier-started rounds on every worker; seconds per round, indexed [worker][round]. */
  measure(kernel: RamKernelName, bytes: number, reps: number, rounds: number): Promise<number[][]>;
  close(): void;
}

export interface GroupOptions {
  readonly spawn: SpawnRamWorker;
  readonly size: number;
  /** Each worker's buffer, bytes (a multiple of 64 KiB). */
  readonly bytesPerWorker: number;
  readonly barrier: BarrierMode;
  readonly signal?: AbortSignal;
}

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
interface Pending {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
}

const cancelled = () => new CliffbenchError('cancelled', 'the RAM benchmark was cancelled');

/** Starts `size` workers and fills their buffers; throws `out-of-memory` (all closed) if any allocation fails. */
export async function openWorkerGroup(options: GroupOptions): Promise<WorkerGroup> {
  const { size, signal } = options;
  const ports = Array.from({ length: size }, () => options.spawn());
  const pending: (Pending | undefined)[] = [];
  let ready = 0;
  let closed = false;
  const settle = (i: number) => {
    const p = pending[i];
    pending[i] = undefined;
    return p;
  };
  const failAll = (error: Error) => {
    for (let i = 0; i < size; i++) settle(i)?.reject(error);
  };
  const onAbort = () => failAll(cancelled());
  signal?.addEventListener('abort', onAbort);

  ports.forEach((port, i) => {
    const who = `RAM benchmark worker ${i + 1} of ${size}`;
    port.listen(
      (message) => {
        if (message.type === 'ready') {
          ready += 1;
          if (ready === size) {
            ready = 0;
            for (const p of ports) p.post({ type: 'go' });
          }
          return;
        }
        const p = settle(i);
        if (message.type === 'error')
          p?.reject(new CliffbenchError(message.code, `${who}: ${message.message}`));
        else p?.resolve(message);
      },
      (error) => {
        if (!closed)
          settle(i)?.reject(new CliffbenchError('worker-failed', `${who} failed: ${error.message}`));
      },
    );
  });

  function request<T extends FromWorker['type']>(i: number, message: ToWorker, type: T): Promise<Reply<T>> {
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise<FromWorker>((resolve, reject) => {
      pending[i] = { resolve, reject };
      ports[i]?.post(message);
    }).then((reply) => {
      if (reply.type !== type) {
        throw new CliffbenchError(
          'worker-failed',
          `worker ${i + 1} answered '${reply.type}', expected '${type}'`,
        );
      }
      return reply as Reply<T>;
    });
  }

  const close = () => {
    closed = true;
    signal?.removeEventListener('abort', onAbort);
    for (const port of ports) port.terminate();
  };

  const shared =
    options.barrier === 'atomics'
      ? new SharedArrayBuffer(BARRIER_WORDS * Int32Array.BYTES_PER_ELEMENT)
      : undefined;
  try {
    const inits = await Promise.all(
      ports.map((_, i) =>
        request(
          i,
          {
            type: 'init',
            bytes: options.bytesPerWorker,
            seed: (0x2545f491 ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0,
            parties: size,
            ...(shared ? { barrier: shared } : {}),
          },
          'initialized',
        ),
      ),
    );
    return {
      size,
      bytesPerWorker: options.bytesPerWorker,
      barrier: options.barrier,
      timerResolutionSeconds: Math.max(...inits.map((r) => r.timerResolutionSeconds)),
      async calibrate(kernel, bytes, minSeconds) {
        const { reps, seconds } = await request(
          0,
          { type: 'calibrate', kernel, bytes, minSeconds },
          'calibrated',
        );
        return { reps, seconds };
      },
      async measure(kernel, bytes, reps, rounds) {
        const replies = await Promise.all(
          ports.map((_, i) => request(i, { type: 'measure', kernel, bytes, reps, rounds }, 'measured')),
        );
        return replies.map((r) => [...r.seconds]);
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
