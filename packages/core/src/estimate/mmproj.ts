/**
 * @module estimate/mmproj — the vision projector (mmproj) a multimodal model loads beside its weights
 * (llama-server `--mmproj FILE`). llama.cpp's mtmd loads it on the GPU unless `--no-mmproj-offload`
 * (ggml-org/llama.cpp tools/mtmd/mtmd.h `use_gpu`, common/arg.cpp `--no-mmproj-offload`, commit
 * a5410f046c01d01330c8a42f13b64a211fedf2c3); it is read only while an image is encoded, so it takes memory but
 * no decode time. Its size is the file's, given by the scenario (`mmprojBytes`): the estimator knows no
 * published mmproj sizes yet.
 */
import type { ResolvedHardware } from './resolve-hardware.js';

/** The projector of a scenario. */
export interface Mmproj {
  readonly bytes: number;
  /** On the accelerator (the first GPU of several), or in RAM. */
  readonly onGpu: boolean;
}

/** The scenario's projector, or undefined when none is loaded. */
export function mmprojOf(
  bytes: number | undefined,
  offload: boolean | undefined,
  layout: string,
): Mmproj | undefined {
  if (bytes === undefined || bytes <= 0) return undefined;
  return { bytes, onGpu: offload !== false && layout !== 'cpu' };
}

/** Hardware with the projector's bytes taken off the memory the model may use (GPU, or RAM). */
export function withMmproj(hw: ResolvedHardware, m: Mmproj | undefined): ResolvedHardware {
  if (m === undefined) return hw;
  return m.onGpu
    ? { ...hw, runtimeBytes: hw.runtimeBytes + m.bytes }
    : { ...hw, ramAvailableBytes: Math.max(0, hw.ramAvailableBytes - m.bytes) };
}

/** "mmproj 0.86 GB on the GPU": for the basis line. */
export const mmprojNote = (m: Mmproj): string =>
  `vision projector (mmproj) ${(m.bytes / 1e9).toFixed(2)} GB ${m.onGpu ? 'on the GPU (counted with the runtime)' : 'in RAM'}`;
