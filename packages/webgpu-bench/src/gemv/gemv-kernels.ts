/** @module gemv/gemv-kernels — the WGSL source of each format's GEMV kernel and how it is bound. */
import type { WeightFormat } from '@cliffbench/core';
import { gemvF16WGSL } from './gemv-f16.wgsl.gen.js';
import { gemvF32WGSL } from './gemv-f32.wgsl.gen.js';
import { gemvQ4_0WGSL } from './gemv-q4_0.wgsl.gen.js';
import { gemvQ4_kWGSL } from './gemv-q4_k.wgsl.gen.js';
import { gemvQ8_0WGSL } from './gemv-q8_0.wgsl.gen.js';

/** The kernel's specialisation (WGSL override constants), chosen by the tuner. */
export interface GemvShape {
  /** Threads per workgroup, a power of two (`WG`). */
  readonly workgroupSize: number;
  /** Rows each workgroup computes, 1 to 4 (`ROWS`). */
  readonly rowsPerWorkgroup: number;
}

/** Largest `rowsPerWorkgroup` the kernels accept: one lane of their vec4 accumulator per row. */
export const MAX_ROWS_PER_WORKGROUP = 4;

/** WGSL source of each format's kernel. Bindings: 0 params, 1 x, 2 y, 3 weights, 4 scales (scaled formats). */
export const gemvKernels: Readonly<Record<WeightFormat, string>> = {
  f32: gemvF32WGSL,
  f16: gemvF16WGSL,
  q8_0: gemvQ8_0WGSL,
  q4_0: gemvQ4_0WGSL,
  q4_k: gemvQ4_kWGSL,
};
