/**
 * @module run/upload-phase — host-to-device bandwidth as the page sees it, the browser's view of the PCIe
 * link the cliff's spill regime depends on: `queue.writeBuffer` of a large block, and a mapped staging
 * buffer (mapAsync(WRITE), fill, unmap, copyBufferToBuffer), each timed to `onSubmittedWorkDone`.
 */
import type { ResultDocument } from '@cliffbench/core';
import { enoughSamples, median } from '@cliffbench/core';
import type { RunState } from './run-state.js';

type Upload = NonNullable<ResultDocument['upload']>;

async function sampleUpload(
  run: RunState,
  method: Upload['method'],
  bytes: number,
  once: () => Promise<void>,
): Promise<Upload> {
  await once(); // warm-up: first-touch allocation and staging setup
  const samples: number[] = [];
  const start = performance.now();
  const rule = {
    ...run.plan.timing,
    maxSamples: Math.max(run.plan.timing.minSamples, Math.min(run.plan.timing.maxSamples, 10)),
  };
  while (!enoughSamples(samples, (performance.now() - start) / 1000, rule)) {
    await run.hooks.checkpoint();
    const t0 = performance.now();
    await once();
    const seconds = (performance.now() - t0) / 1000;
    if (seconds > 0 && !run.hooks.paused()) samples.push(seconds);
  }
  return { method, bytes, samplesSeconds: samples, bandwidthGBs: bytes / median(samples) / 1e9 };
}

/** Both upload paths over `bytes` (rounded down to 4-byte words); the first result is the faster. */
export async function uploadPhase(run: RunState, bytes: number): Promise<Upload[]> {
  const { device } = run.ctx;
  const size = Math.max(4, bytes & ~3);
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) data[i] = i & 0xff;
  const target = device.createBuffer({ size, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.STORAGE });
  const staging = device.createBuffer({ size, usage: GPUBufferUsage.MAP_WRITE | GPUBufferUsage.COPY_SRC });
  try {
    const write = await sampleUpload(run, 'writeBuffer', size, async () => {
      device.queue.writeBuffer(target, 0, data);
      await device.queue.onSubmittedWorkDone();
    });
    run.step('upload', { label: 'host → GPU, writeBuffer', bandwidthGBs: write.bandwidthGBs });
    const mapped = await sampleUpload(run, 'mapped', size, async () => {
      await staging.mapAsync(GPUMapMode.WRITE);
      new Uint8Array(staging.getMappedRange()).set(data);
      staging.unmap();
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(staging, 0, target, 0, size);
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
    });
    run.step('upload', { label: 'host → GPU, mapped buffer', bandwidthGBs: mapped.bandwidthGBs });
    return [write, mapped].sort((a, b) => b.bandwidthGBs - a.bandwidthGBs);
  } finally {
    target.destroy();
    staging.destroy();
  }
}
