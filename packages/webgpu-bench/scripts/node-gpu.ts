/**
 * Dawn (the `webgpu` package) as a WebGPU implementation for Node: tests and the CLI benchmark. Without a
 * GPU it runs on Chromium's SwiftShader Vulkan driver (VK_ICD_FILENAMES, see
 * docs/webgpu-without-a-gpu.md); `libvulkan1` must be installed.
 */
import { create, globals } from 'webgpu';

/** Chromium's SwiftShader Vulkan driver as Debian installs it. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let instance: GPU | undefined;

/**
 * The Node WebGPU entry point, with WebGPU's globals (GPUBufferUsage, ...) installed. One instance per
 * process, held here for its lifetime: when the garbage collector frees Dawn's GPU object while a device
 * made from it is alive, the process crashes (SIGSEGV or a failed mutex assertion).
 */
export function nodeGpu(): GPU {
  if (!instance) {
    process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
    Object.assign(globalThis, globals);
    instance = create([]) as GPU;
  }
  return instance;
}
