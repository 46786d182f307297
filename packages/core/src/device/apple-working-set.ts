/**
 * @module device/apple-working-set — how much unified memory macOS lets the GPU wire by default
 * (`MTLDevice.recommendedMaxWorkingSetSize`, raised with `sudo sysctl iogpu.wired_limit_mb=<MiB>`).
 */
import { CliffbenchError } from '../errors.js';

const GIB = 2 ** 30;

/**
 * Above this much unified memory the default limit is three quarters of it; at or below, two thirds.
 * Published values (binary units): 16 GiB → 10,922.67 MiB = 2/3 (M1: abetlen/llama-cpp-python#687; M4:
 * exo-explore/exo#1672); 32 GiB → 21,845.34 MiB = 2/3 (ggml-org/llama.cpp#2011, ollama/ollama#434); 64 GiB →
 * 49,152 MiB = 3/4 (ggml-org/llama.cpp#1870); 96 GiB → 73,728 MiB = 3/4 (ggml-org/llama.cpp#3213); 128 GiB →
 * 96 GiB = 3/4 (M4 Max, LocalScore). No 36 or 48 GiB machine was observed, so where the switch lies between 32
 * and 64 GiB is a choice: 36 GiB Macs get 2/3, 48 GiB ones 3/4. Recent macOS releases report more on some machines (11.84 GB on a 16 GB M3, AlexsJones/llmfit#754;
 * 107.52 GiB on 128 GiB, antirez/ds4#893): the rule is the conservative classic default.
 */
const THREE_QUARTERS_ABOVE_BYTES = 36 * GIB;

/** Apple's default GPU working-set limit, bytes, for a Mac with `memoryBytes` of unified memory. */
export function appleGpuWorkingSetBytes(memoryBytes: number): number {
  if (!Number.isFinite(memoryBytes) || memoryBytes <= 0) {
    throw new CliffbenchError(
      'invalid-scenario',
      `Unified memory must be a positive number of bytes, got ${memoryBytes}.`,
      { memoryBytes },
    );
  }
  return memoryBytes * (memoryBytes > THREE_QUARTERS_ABOVE_BYTES ? 3 / 4 : 2 / 3);
}
