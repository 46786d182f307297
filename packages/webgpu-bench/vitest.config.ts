import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Dawn runs on Chromium's SwiftShader Vulkan driver when there is no GPU (docs/webgpu-without-a-gpu.md).
    env: { VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json' },
    testTimeout: 60_000,
    fileParallelism: false,
  },
});
