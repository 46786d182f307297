import { describe, expect, it } from 'vitest';
import { createStreamWorkload, quickPlan } from '../src/index.js';
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

  it('reads every word in every shape the ceiling is tuned over, and copies every word', async () => {
    // 3 MiB + 48 bytes: the grid never divides the words evenly, so the tail loop runs too.
    const bytes = 3 * 2 ** 20 + 48;
    for (const shape of quickPlan().streamCandidates) {
      for (const copy of [false, true]) {
        const w = await createStreamWorkload(await gpuContext(), bytes, { seed: 3, shape, copy });
        try {
          await w.verify();
          expect(w.readBytes).toBe(bytes);
          expect(w.bytesPerPass).toBe(copy ? 2 * bytes : bytes);
        } finally {
          w.destroy();
        }
      }
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
