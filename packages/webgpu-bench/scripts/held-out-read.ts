/**
 * @module held-out-read — a streaming-read kernel written apart from the benchmark's, to check its ceiling
 * (`npm run bench:ceiling`): each workgroup reads one contiguous block, its threads a workgroup apart so
 * loads coalesce, four independent accumulators, tuned over its own grid of workgroup sizes and block
 * lengths. Not used by the product.
 */
import { median } from '@cliffbench/core';
import { chooseTimer, type GpuContext, measureRuns } from '../src/index.js';

const WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> A: array<vec4u>;
@group(0) @binding(1) var<storage, read_write> O: array<u32>;
override WG: u32 = 64;
override PER_THREAD: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) l: vec3u, @builtin(workgroup_id) w: vec3u,
        @builtin(global_invocation_id) g: vec3u) {
  let n = arrayLength(&A);
  let base = w.x * WG * PER_THREAD + l.x;
  var s0 = vec4u(0u); var s1 = vec4u(0u); var s2 = vec4u(0u); var s3 = vec4u(0u);
  for (var k = 0u; k < PER_THREAD; k += 4u) {
    let i = base + k * WG;
    if (i + 3u * WG < n) {
      s0 ^= A[i]; s1 ^= A[i + WG]; s2 ^= A[i + 2u * WG]; s3 ^= A[i + 3u * WG];
    } else {
      for (var j = 0u; j < 4u; j++) { if (i + j * WG < n) { s0 ^= A[i + j * WG]; } }
    }
  }
  let s = s0 ^ s1 ^ s2 ^ s3;
  O[g.x] = s.x ^ s.y ^ s.z ^ s.w;
}`;

export interface HeldOutResult {
  readonly bandwidthGBs: number;
  readonly workgroupSize: number;
  readonly perThread: number;
}

/** The held-out kernel's best read over `bytes` on `ctx`, every configuration checked by its XOR first. */
export async function heldOutRead(ctx: GpuContext, bytes: number): Promise<HeldOutResult> {
  const { device } = ctx;
  const words = new Uint32Array(bytes / 4);
  let x = 2463534242;
  let xor = 0;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
    xor ^= words[i] as number;
  }
  const data = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(data, 0, words);
  const module = device.createShaderModule({ code: WGSL });
  const hooks = { checkpoint: async () => undefined, paused: () => false };
  const settings = { warmup: 1, minSamples: 3, maxSamples: 8, targetCi95: 0.03, maxSeconds: 1 };
  let best: HeldOutResult | undefined;
  for (const workgroupSize of [64, 128, 256]) {
    for (const perThread of [64, 256, 1024]) {
      const groups = Math.ceil(bytes / 16 / (workgroupSize * perThread));
      if (groups > 65_535) continue;
      const pipeline = device.createComputePipeline({
        layout: 'auto',
        compute: { module, entryPoint: 'main', constants: { WG: workgroupSize, PER_THREAD: perThread } },
      });
      const out = device.createBuffer({
        size: groups * workgroupSize * 4,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
      });
      const read = device.createBuffer({
        size: out.size,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
      const bind = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: data } },
          { binding: 1, resource: { buffer: out } },
        ],
      });
      const encode = (pass: GPUComputePassEncoder) => {
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bind);
        pass.dispatchWorkgroups(groups);
      };
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      encode(pass);
      pass.end();
      encoder.copyBufferToBuffer(out, 0, read, 0, out.size);
      device.queue.submit([encoder.finish()]);
      await read.mapAsync(GPUMapMode.READ);
      const got = new Uint32Array(read.getMappedRange()).reduce((a, v) => a ^ v, 0);
      read.unmap();
      if (got >>> 0 !== xor >>> 0)
        throw new Error(`held-out kernel ${workgroupSize}×${perThread}: XOR mismatch`);
      const timer = await chooseTimer(device, ctx.timestamps, encode);
      const gbs = bytes / median((await measureRuns(timer, encode, settings, hooks)).samples) / 1e9;
      timer.destroy();
      out.destroy();
      read.destroy();
      if (!best || gbs > best.bandwidthGBs) best = { bandwidthGBs: gbs, workgroupSize, perThread };
    }
  }
  data.destroy();
  if (!best) throw new Error('no held-out configuration fits');
  return best;
}
