/**
 * @module upload — host-to-device bandwidth as the browser sees it (writeBuffer of a large block, timed to
 * onSubmittedWorkDone): the page's view of the PCIe link that the cliff's sysmem regime depends on.
 */
import { median } from './stats.js';

export interface UploadResult {
  readonly bytes: number;
  readonly samplesSeconds: number[];
  readonly bandwidthGBs: number;
}

export async function measureUpload(
  device: GPUDevice,
  bytes: number,
  rule: { readonly minSamples: number; readonly maxSamples: number },
): Promise<UploadResult> {
  const size = bytes & ~3;
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) data[i] = i & 0xff;
  const buffer = device.createBuffer({ size, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.STORAGE });
  try {
    device.queue.writeBuffer(buffer, 0, data);
    await device.queue.onSubmittedWorkDone();
    const samples: number[] = [];
    const count = Math.max(rule.minSamples, Math.min(rule.maxSamples, 5));
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      device.queue.writeBuffer(buffer, 0, data);
      await device.queue.onSubmittedWorkDone();
      samples.push(Math.max(1e-6, (performance.now() - start) / 1000));
    }
    return { bytes: size, samplesSeconds: samples, bandwidthGBs: size / median(samples) / 1e9 };
  } finally {
    buffer.destroy();
  }
}
