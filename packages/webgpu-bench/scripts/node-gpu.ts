/**
 * Dawn (the `webgpu` package) as a WebGPU implementation for Node: tests and the CLI benchmark. Without a
 * GPU it runs on Chromium's SwiftShader Vulkan driver (set VK_ICD_FILENAMES, see
 * shared/notes/webgpu-without-a-gpu.md); `libvulkan1` must be installed.
 */
import { create, globals } from 'webgpu';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** The Node WebGPU entry point, with WebGPU's globals (GPUBufferUsage, ...) installed. */
export function nodeGpu(): GPU {
  process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
  Object.assign(globalThis, globals);
  return create([]) as GPU;
}
