/**
 * @module errors — the one error type core throws. `code` is stable and machine-readable; `message`
 * says what was wrong and what is accepted. Edges (CLI, page, server) turn it into their own output.
 */

export type CliffbenchErrorCode =
  | 'unknown-model'
  | 'unknown-device'
  | 'ambiguous-device'
  | 'unknown-quant'
  | 'invalid-config'
  | 'unsupported-architecture'
  | 'invalid-gguf'
  | 'model-unreachable' // a remote GGUF (URL, hf:): gated, no Range support, network failure, other HTTP errors
  | 'invalid-scenario'
  | 'invalid-result'
  | 'does-not-fit'
  | 'fit-failed'
  | 'unsupported-runtime' // host benchmark: no WebAssembly SIMD or no workers
  | 'out-of-memory' // host benchmark: not even the smallest buffer could be allocated
  | 'checksum-mismatch' // host benchmark: a kernel's result differs from the JavaScript reference
  | 'worker-failed' // host benchmark: a worker crashed or broke the protocol
  | 'no-webgpu' // GPU benchmark: navigator.gpu missing (old browser, flag off, not a secure context)
  | 'no-adapter' // GPU benchmark: requestAdapter() returned null (blocklisted driver, GPU disabled)
  | 'device-lost' // GPU benchmark: the GPU device was lost (driver reset, watchdog, another tab)
  | 'gpu-out-of-memory' // GPU benchmark: a buffer could not be allocated even after shrinking the working set
  | 'kernel-mismatch' // GPU benchmark: a kernel's output differs from the CPU reference
  | 'limits-too-small' // GPU benchmark: the device's limits cannot hold even one row of a matrix
  | 'cancelled';

export class CliffbenchError extends Error {
  readonly code: CliffbenchErrorCode;
  /** Extra structured detail, e.g. the candidate names of an ambiguous lookup or the missing field. */
  readonly detail: Readonly<Record<string, unknown>>;

  constructor(code: CliffbenchErrorCode, message: string, detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CliffbenchError';
    this.code = code;
    this.detail = detail;
  }
}
