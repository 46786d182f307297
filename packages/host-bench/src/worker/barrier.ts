/**
 * @module worker/barrier — the start line of every timed round. With SharedArrayBuffer the workers meet at
 * an Atomics barrier among themselves; without it (a page that is not cross-origin isolated) each worker
 * says `ready` and waits for the coordinator's `go`, which is sent to all once all are ready.
 */

/** Int32 words of the shared barrier: [arrived, generation]. */
export const BARRIER_WORDS = 2;
/** A worker waiting longer than this at the barrier gives up (a peer died), milliseconds. */
const BARRIER_TIMEOUT_MS = 120_000;

/** A fresh barrier buffer for one group, or undefined where SharedArrayBuffer is unusable. */
export function createBarrierBuffer(): SharedArrayBuffer | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (typeof SharedArrayBuffer !== 'function' || isolated === false) return undefined;
  return new SharedArrayBuffer(BARRIER_WORDS * Int32Array.BYTES_PER_ELEMENT);
}

/**
 * Generation-counting barrier for `parties` workers: the last to arrive resets the count, advances the
 * generation and wakes the rest. Blocks the calling worker (Atomics.wait), so never call it on a UI thread.
 */
export function atomicsBarrier(buffer: SharedArrayBuffer, parties: number): () => void {
  const words = new Int32Array(buffer);
  return () => {
    const generation = Atomics.load(words, 1);
    if (Atomics.add(words, 0, 1) === parties - 1) {
      Atomics.store(words, 0, 0);
      Atomics.add(words, 1, 1);
      Atomics.notify(words, 1);
      return;
    }
    while (Atomics.load(words, 1) === generation) {
      if (Atomics.wait(words, 1, generation, BARRIER_TIMEOUT_MS) === 'timed-out') {
        throw new Error(`barrier timed out after ${BARRIER_TIMEOUT_MS} ms: a worker of the group stopped`);
      }
    }
  };
}
