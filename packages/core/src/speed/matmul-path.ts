/**
 * @module speed/matmul-path — which kernels llama.cpp runs a prompt's matrix multiplications with, per backend
 * and GPU generation, and the peak rate of the units they use. Facts from llama.cpp's source
 * (ggml-org/llama.cpp):
 *
 * - CUDA (ggml/src/ggml-cuda/mmq.cu, `ggml_cuda_should_use_mmq`, at 027ef876): quantised weights always take
 *   MMQ on Turing and later (int8 `mma` on tensor cores); below compute capability 6.1 (no `__dp4a`) never;
 *   on Volta, which has FP16 tensor cores but no int8 `mma`, only for batches under MMQ_DP4A_MAX_BATCH_SIZE
 *   (64), so a 512-token micro-batch is dequantised and multiplied by cuBLAS on the FP16 tensor cores; Pascal
 *   runs MMQ with `__dp4a`. F16/BF16 weights go to cuBLAS.
 * - ROCm: the same file sends CDNA (MFMA) and RDNA3/RDNA4 (WMMA) to MMQ or hipBLAS on the matrix units, and
 *   Vega 20 / RDNA1-2 to MMQ with `v_dot4` (GGML_CUDA_CC_VEGA20 "minimum for dp4a").
 * - Vulkan (ggml/src/ggml-vulkan/ggml-vulkan.cpp at 000651ca, `ggml_vk_khr_cooperative_matrix_support`):
 *   cooperative-matrix shaders where the driver exposes them and llama.cpp allows them — NVIDIA from Turing,
 *   AMD RDNA3 and later, Intel only Xe2 (Arc A-series "has performance regressions"); elsewhere the matmul
 *   shaders run on the ALUs in FP16 (or FP32 without fast FP16).
 * - Metal: simdgroup matrices on every Apple GPU; on M5 and later the tensor API that uses the GPU cores'
 *   neural accelerators (ggml/src/ggml-metal/ggml-metal-device.m: "tensor API disabled for pre-M5").
 */

import { type GpuGeneration, gpuGenerations } from '../device/gpu-generation.js';
import type { ResolvedHardware } from '../estimate/resolve-hardware.js';
import type { Backend } from '../estimate/scenario.js';

/** The units a prompt's matmuls run on. */
export type MatmulPath = 'matrix' | 'int8-dot' | 'packed-fp16' | 'fp32';

type GpuBackend = Exclude<Backend, 'cpu'>;

/** Generations on which each GPU backend's prompt matmuls use matrix units. */
const matrixGenerations: Readonly<Record<GpuBackend, ReadonlySet<GpuGeneration>>> = {
  cuda: new Set(['volta', 'turing', 'ampere', 'ampere-dc', 'ada', 'hopper', 'blackwell']),
  rocm: new Set(['cdna1', 'cdna2', 'cdna3', 'rdna3', 'rdna3.5', 'rdna4']),
  vulkan: new Set([
    'turing',
    'ampere',
    'ampere-dc',
    'ada',
    'hopper',
    'blackwell',
    'rdna3',
    'rdna3.5',
    'rdna4',
    'xe2',
  ]),
  metal: new Set(['apple', 'apple-m5']),
};

/** Backends whose quantised matmuls use an int8 dot-product instruction where there are no matrix units (MMQ). */
const int8DotBackends: ReadonlySet<Backend> = new Set(['cuda', 'rocm']);

/** The path of quantised (`quantised`) or F16/BF16/F32 weights on a GPU backend and generation. */
export function gpuMatmulPath(
  backend: GpuBackend,
  generation: GpuGeneration | undefined,
  quantised: boolean,
): MatmulPath {
  if (generation === undefined) return 'matrix';
  if (matrixGenerations[backend].has(generation)) return 'matrix';
  const traits = gpuGenerations[generation];
  if (quantised && traits.int8Dot && int8DotBackends.has(backend)) return 'int8-dot';
  return traits.packedFp16 ? 'packed-fp16' : 'fp32';
}

/**
 * Batch from which CUDA on Volta (FP16 tensor cores, no int8 mma) leaves MMQ for dequantise-then-cuBLAS:
 * MMQ_DP4A_MAX_BATCH_SIZE (ggml/src/ggml-cuda/mmq.cuh), 64.
 */
export const MMQ_DP4A_MAX_BATCH = 64;

/**
 * Whether quantised weights are dequantised to F16 in a pass of their own before a BLAS GEMM (Volta under CUDA
 * at batches ≥ MMQ_DP4A_MAX_BATCH): per micro-batch the weights are read, written as F16 and read again.
 */
export function dequantisesToF16(backend: Backend, generation: GpuGeneration | undefined): boolean {
  return backend === 'cuda' && generation === 'volta';
}

/** What a `MatmulPath` is called in the basis line, per backend. */
const pathNames: Readonly<Record<GpuBackend, Readonly<Record<MatmulPath, string>>>> = {
  cuda: {
    matrix: 'MMQ int8 on tensor cores',
    'int8-dot': 'MMQ with __dp4a (no tensor cores)',
    'packed-fp16': 'cuBLAS FP16 (no tensor cores)',
    fp32: 'cuBLAS FP32 (no tensor cores)',
  },
  rocm: {
    matrix: 'MMQ/hipBLAS on WMMA/MFMA',
    'int8-dot': 'MMQ with v_dot4 (no matrix cores)',
    'packed-fp16': 'hipBLAS FP16 (no matrix cores)',
    fp32: 'hipBLAS FP32 (no matrix cores)',
  },
  vulkan: {
    matrix: 'cooperative-matrix shaders',
    'int8-dot': 'integer-dot shaders',
    'packed-fp16': 'FP16 shaders (no cooperative matrix)',
    fp32: 'FP32 shaders (no cooperative matrix)',
  },
  metal: {
    matrix: 'simdgroup matrices',
    'int8-dot': 'shaders',
    'packed-fp16': 'shaders',
    fp32: 'shaders',
  },
};

/** The basis-line name of a path ("MMQ int8 on tensor cores"; Volta's cuBLAS, M5's tensor API). */
export function pathName(
  backend: GpuBackend,
  generation: GpuGeneration | undefined,
  path: MatmulPath,
): string {
  if (backend === 'cuda' && generation === 'volta' && path === 'matrix') return 'cuBLAS FP16 on tensor cores';
  if (backend === 'metal' && generation === 'apple-m5') return 'Metal tensor API (neural accelerators)';
  return pathNames[backend][path];
}

/** Peak rate of a path on a device, FLOP/s (a MAC counts 2). `matrixTflops` is the device's FP16 matrix figure. */
export function pathPeakFlops(hw: ResolvedHardware, matrixTflops: number, path: MatmulPath): number {
  const traits = hw.generation === undefined ? undefined : gpuGenerations[hw.generation];
  const tera = 1e12;
  switch (path) {
    case 'matrix':
      return matrixTflops * (traits?.matrixPerCatalogFp16 ?? 1) * tera;
    case 'int8-dot':
      // __dp4a / v_dot4: four int8 MACs per lane per FP32-instruction slot.
      return 4 * hw.fp32Tflops * tera;
    case 'packed-fp16':
      return 2 * hw.fp32Tflops * tera;
    case 'fp32':
      return hw.fp32Tflops * tera;
  }
}
