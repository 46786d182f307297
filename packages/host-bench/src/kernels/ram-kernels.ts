/**
 * @module kernels/ram-kernels — instantiates the WebAssembly SIMD read/copy kernels over a memory the caller
 * allocated, with the argument checks the raw kernels leave out.
 */
import { ramKernelsWasmBase64 } from './ram-kernels.wasm.gen.js';

/** Kernel arguments must be multiples of this many bytes (one v128 load). */
export const KERNEL_ALIGN_BYTES = 16;
/** WebAssembly page size, bytes (WebAssembly core spec §2.5.8). */
export const WASM_PAGE_BYTES = 65536;
/** Largest buffer the kernels are given, bytes: their 32-bit end pointers must not wrap (wasm32). */
export const MAX_BUFFER_BYTES = 2 ** 31;

/** The kernels bound to one memory. Offsets and lengths in bytes, multiples of 16. */
export interface RamKernels {
  readonly memory: WebAssembly.Memory;
  /** Wrapping 32-bit sum of the u32 words of [offset, offset + bytes), read `reps` times. */
  read(offset: number, bytes: number, reps: number): number;
  /** Copies [src, src + bytes) to [dst, dst + bytes) `reps` times; the ranges must not overlap. */
  copy(dst: number, src: number, bytes: number, reps: number): void;
}

interface RawKernels {
  read(ptr: number, bytes: number, reps: number): number;
  copy(dst: number, src: number, bytes: number, reps: number): void;
}

/** The compiled module's bytes. */
export function ramKernelsWasm(): Uint8Array<ArrayBuffer> {
  const text = atob(ramKernelsWasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Whether this runtime validates the module, i.e. supports WebAssembly SIMD (fixed-width, 128-bit). */
export function wasmSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(ramKernelsWasm());
}

function checkRange(memory: WebAssembly.Memory, offset: number, bytes: number, what: string): void {
  const ok =
    Number.isInteger(offset) &&
    Number.isInteger(bytes) &&
    offset >= 0 &&
    bytes >= 0 &&
    offset % KERNEL_ALIGN_BYTES === 0 &&
    bytes % KERNEL_ALIGN_BYTES === 0 &&
    offset + bytes <= Math.min(memory.buffer.byteLength, 2 ** 32 - KERNEL_ALIGN_BYTES);
  if (!ok) {
    throw new RangeError(
      `${what} range [${offset}, ${offset} + ${bytes}) is not 16-byte aligned inside the ${memory.buffer.byteLength}-byte memory`,
    );
  }
}

function checkReps(reps: number): void {
  if (!Number.isInteger(reps) || reps < 1 || reps > 0x7fffffff) {
    throw new RangeError(`reps must be an integer in [1, 2^31 - 1], got ${reps}`);
  }
}

/** Instantiates the kernels over `memory` (allocated by the caller, so a failed allocation can be retried smaller). */
export async function instantiateRamKernels(memory: WebAssembly.Memory): Promise<RamKernels> {
  const { instance } = await WebAssembly.instantiate(ramKernelsWasm(), { env: { memory } });
  const raw = instance.exports as unknown as RawKernels;
  return {
    memory,
    read(offset, bytes, reps) {
      checkRange(memory, offset, bytes, 'read');
      checkReps(reps);
      return raw.read(offset, bytes, reps);
    },
    copy(dst, src, bytes, reps) {
      checkRange(memory, dst, bytes, 'copy destination');
      checkRange(memory, src, bytes, 'copy source');
      checkReps(reps);
      if (dst < src + bytes && src < dst + bytes) {
        throw new RangeError(`copy ranges overlap: dst ${dst}, src ${src}, ${bytes} bytes`);
      }
      raw.copy(dst, src, bytes, reps);
    },
  };
}
