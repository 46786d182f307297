/**
 * @module gpu/pass-timer — times one submission of compute work. With `timestamp-query`: GPU timestamps at
 * the start and end of one compute pass (Chrome quantises them to 100 µs, so callers make passes ≥ 10 ms).
 * Without: wall clock from submit to `onSubmittedWorkDone`, minus the round trip of an empty submission.
 */
import { median } from '@cliffbench/core';

/** Encodes one pass of a workload into a compute pass. */
export type EncodeWork = (pass: GPUComputePassEncoder) => void;

/** One timed submission. */
export interface Timing {
  /** Seconds the GPU spent on the work (≤ 0 when unmeasurable). */
  readonly seconds: number;
  /**
   * Wall clock from submit to completion, seconds. The queue is idle when a timed submission starts, so this
   * bounds how long the submission held the GPU even when `seconds` is quantised or the baseline is off.
   */
  readonly wallSeconds: number;
}

export interface PassTimer {
  readonly mode: 'timestamp-query' | 'wall-clock';
  /** Times `repeat` back-to-back runs of `encode` in one compute pass. */
  time(encode: EncodeWork, repeat: number): Promise<Timing>;
  destroy(): void;
}

const now = () => performance.now() / 1000;

async function submitAndWait(
  device: GPUDevice,
  encode: EncodeWork | undefined,
  repeat: number,
): Promise<number> {
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  if (encode) for (let i = 0; i < repeat; i++) encode(pass);
  pass.end();
  const commands = encoder.finish();
  const start = now();
  device.queue.submit([commands]);
  await device.queue.onSubmittedWorkDone();
  return now() - start;
}

/** Wall-clock timer; its baseline is the median round trip of five empty submissions. */
export async function createWallClockTimer(device: GPUDevice): Promise<PassTimer> {
  const empty: number[] = [];
  for (let i = 0; i < 5; i++) empty.push(await submitAndWait(device, undefined, 0));
  const baseline = median(empty);
  return {
    mode: 'wall-clock',
    async time(encode, repeat) {
      const wallSeconds = await submitAndWait(device, encode, repeat);
      return { seconds: wallSeconds - baseline, wallSeconds };
    },
    destroy() {},
  };
}

/** Timestamp-query timer (the device must have the `timestamp-query` feature). */
export function createTimestampTimer(device: GPUDevice): PassTimer {
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
  const resolve = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
  });
  const read = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  return {
    mode: 'timestamp-query',
    async time(encode, repeat) {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass({
        timestampWrites: { querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 },
      });
      for (let i = 0; i < repeat; i++) encode(pass);
      pass.end();
      encoder.resolveQuerySet(querySet, 0, 2, resolve, 0);
      encoder.copyBufferToBuffer(resolve, 0, read, 0, 16);
      const start = now();
      device.queue.submit([encoder.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const wallSeconds = now() - start;
      const [t0, t1] = new BigInt64Array(read.getMappedRange().slice(0));
      read.unmap();
      return { seconds: Number((t1 as bigint) - (t0 as bigint)) / 1e9, wallSeconds };
    },
    destroy() {
      querySet.destroy();
      resolve.destroy();
      read.destroy();
    },
  };
}

/**
 * Most GPU time one submission may hold, seconds. Work is submitted one submission at a time, so this bounds
 * what is still queued when a run is cancelled (the page's compositor shares the GPU, and SwiftShader shares
 * the CPU), and stays far below Windows' 2 s GPU timeout (TDR).
 */
export const MAX_QUEUED_SECONDS = 0.25;

/**
 * Most passes a submission may repeat and hold the GPU ≤ MAX_QUEUED_SECONDS, after one that repeated `passes`
 * in `timing`: scaled by the wall clock (an upper bound on the GPU time), so a quantised or baseline-corrected
 * GPU reading of zero cannot inflate it; 16× when the clock read zero (under its resolution, ≤ 100 µs).
 */
export function passesWithin(passes: number, timing: Timing): number {
  return timing.wallSeconds > 0
    ? Math.floor((passes * MAX_QUEUED_SECONDS) / timing.wallSeconds)
    : 16 * passes;
}

/**
 * The timer a run uses: timestamps when the device has them and they read plausibly on `probe` (between a
 * quarter and twice the wall clock over a ≥ 20 ms submission; broken ones read 0 or garbage), else the
 * wall clock.
 */
export async function chooseTimer(
  device: GPUDevice,
  timestamps: boolean,
  probe: EncodeWork,
): Promise<PassTimer> {
  const wall = await createWallClockTimer(device);
  if (!timestamps) return wall;
  const stamps = createTimestampTimer(device);
  let passes = 1;
  let timing = await wall.time(probe, passes);
  // Grow on the raw wall clock: it never under-reads, so no submission exceeds MAX_QUEUED_SECONDS.
  while (timing.wallSeconds < 0.02 && passes < 16_384) {
    passes = Math.min(64 * passes, passesWithin(passes, timing));
    timing = await wall.time(probe, passes);
  }
  const gpuSeconds = (await stamps.time(probe, passes)).seconds;
  const wallSeconds = (await wall.time(probe, passes)).seconds;
  if (gpuSeconds > 0.25 * wallSeconds && gpuSeconds < 2 * wallSeconds + 0.005) return stamps;
  stamps.destroy();
  return wall;
}
