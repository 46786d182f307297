/** @module errors — the benchmark's one error type; `code` says which failure path was taken. */

export type BenchErrorCode =
  | 'no-webgpu' // navigator.gpu missing (browser, flag) or not a secure context
  | 'no-adapter' // requestAdapter returned null
  | 'device-lost'
  | 'cancelled'
  | 'mismatch' // a kernel's output differs from the CPU reference
  | 'too-small'; // the device's limits cannot hold even the smallest problem

export class BenchError extends Error {
  readonly code: BenchErrorCode;
  constructor(code: BenchErrorCode, message: string) {
    super(message);
    this.name = 'BenchError';
    this.code = code;
  }
}
