/**
 * @module pass-timer — times one submission of compute work: GPU timestamps around a compute pass when the
 * device has `timestamp-query` (Chrome quantises them to 100 µs, so callers make passes ≥ 10 ms), else
 * wall-clock from submit to `onSubmittedWorkDone`.
 */

export type EncodeWork = (pass: GPUComputePassEncoder) => void;

export interface PassTimer {
  readonly mode: 'timestamp-query' | 'wall-clock';
  /** Seconds the GPU spent on `repeat` back-to-back runs of `encode`, in one pass. */
  time(encode: EncodeWork, repeat: number): Promise<number>;
  destroy(): void;
}

const now = () => performance.now() / 1000;

export function createPassTimer(device: GPUDevice, useTimestamps: boolean): PassTimer {
  if (!useTimestamps) {
    return {
      mode: 'wall-clock',
      async time(encode, repeat) {
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        for (let i = 0; i < repeat; i++) encode(pass);
        pass.end();
        const commands = encoder.finish();
        const start = now();
        device.queue.submit([commands]);
        await device.queue.onSubmittedWorkDone();
        return now() - start;
      },
      destroy() {},
    };
  }
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
