/**
 * @module gpu/pass-timer — times one submission of compute work. With `timestamp-query`: GPU timestamps at
 * the start and end of one compute pass (Chrome quantises them to 100 µs, so callers make passes ≥ 10 ms).
 * Without: wall clock from submit to `onSubmittedWorkDone`, minus the round trip of an empty submission.
 */
import { median } from '@cliffbench/core';

/** Encodes one pass of a workload into a compute pass. */
export type EncodeWork = (pass: GPUComputePassEncoder) => void;

export interface PassTimer {
  readonly mode: 'timestamp-query' | 'wall-clock';
  /** Seconds spent on `repeat` back-to-back runs of `encode` in one compute pass (≤ 0 when unmeasurable). */
  time(encode: EncodeWork, repeat: number): Promise<number>;
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
      return (await submitAndWait(device, encode, repeat)) - baseline;
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
      device.queue.submit([encoder.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const [t0, t1] = new BigInt64Array(read.getMappedRange().slice(0));
      read.unmap();
      return Number((t1 as bigint) - (t0 as bigint)) / 1e9;
    },
    destroy() {
      querySet.destroy();
      resolve.destroy();
      read.destroy();
    },
  };
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
  let wallSeconds = await wall.time(probe, passes);
  while (wallSeconds < 0.02 && passes < 16_384) {
    passes *= wallSeconds > 0 ? Math.min(64, Math.ceil(0.025 / wallSeconds)) : 16;
    wallSeconds = await wall.time(probe, passes);
  }
  const gpuSeconds = await stamps.time(probe, passes);
  wallSeconds = await wall.time(probe, passes);
  if (gpuSeconds > 0.25 * wallSeconds && gpuSeconds < 2 * wallSeconds + 0.005) return stamps;
  stamps.destroy();
  return wall;
}
