import { describe, expect, it } from 'vitest';
import { fixtureArch } from '../../test/weights-fixtures.js';
import { computeBufferBytes } from '../index.js';

const MIB = 2 ** 20;

const llama3_8b = fixtureArch({ hidden: 4096, ffn: 14336, layers: 32, heads: 32, kvHeads: 8, vocab: 128256 });
const gemma_7b = fixtureArch({
  hidden: 3072,
  ffn: 24576,
  layers: 28,
  heads: 16,
  kvHeads: 16,
  headDim: 256,
  vocab: 256000,
});

describe('computeBufferBytes', () => {
  it('reserves the 258.5 MiB llama.cpp logs for Llama-3-8B at -c 512 -ub 512', () => {
    const bytes = computeBufferBytes(llama3_8b, {
      contextCells: 512,
      slidingCells: 512,
      flashAttention: false,
    });
    expect(bytes / MIB).toBeCloseTo(258.5, 0);
  });

  it('reserves about the 2025 MiB llama.cpp logs for Gemma 7B at -ub 2048 (ggml-org/llama.cpp#5631)', () => {
    const bytes = computeBufferBytes(gemma_7b, {
      ubatchTokens: 2048,
      contextCells: 2048,
      slidingCells: 2048,
    });
    expect(Math.abs(bytes / MIB / 2025 - 1)).toBeLessThan(0.01);
  });

  it('grows with the context only without flash attention, where the score matrix is materialised', () => {
    const at = (cells: number, flashAttention: boolean): number =>
      computeBufferBytes(llama3_8b, { contextCells: cells, slidingCells: cells, flashAttention });
    expect(at(65536, true)).toBe(at(4096, true));
    // 32 heads × 65536 cells of f32 scores per micro-batch row, plus one hidden state
    expect(at(65536, false)).toBe(4 * 512 * (32 * 65536 + 4096));
  });
});
