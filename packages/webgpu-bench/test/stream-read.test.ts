import { describe, expect, it } from 'vitest';
import { createStreamWorkload } from '../src/index.js';
import { gpuContext, smallBindingContext } from './gpu.js';

describe('the streaming-read kernel on Dawn (SwiftShader)', () => {
  it('reads every byte: the XOR of its outputs equals the CPU XOR of the data', async () => {
    const w = await createStreamWorkload(await gpuContext(), 3 * 2 ** 20, { seed: 11 });
    try {
      await w.verify();
      expect(w.bytesPerPass).toBe(3 * 2 ** 20);
    } finally {
      w.destroy();
    }
  });

  it('splits a working set across bindings and checks every part', async () => {
    const w = await createStreamWorkload(await smallBindingContext(), 300 * 1024, { seed: 5 });
    try {
      await w.verify();
      expect(w.dispatchesPerPass).toBe(5);
      expect(w.bytesPerPass).toBe(300 * 1024);
    } finally {
      w.destroy();
    }
  });
});
