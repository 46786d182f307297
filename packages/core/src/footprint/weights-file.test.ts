import { describe, expect, it } from 'vitest';
import { fixtureArch, fixtureTensors, llama2_7b, qwen3_30b_a3b } from '../../test/weights-fixtures.js';
import {
  findQuant,
  ggufFileBytes,
  ggufOverheadBytes,
  type QuantizedTensor,
  quantizeTensors,
  tensorInfoBytes,
  tokenizerMetadataBytes,
  vocabKind,
} from '../index.js';

const one = (name: string, shape: number[], bytes: number): QuantizedTensor => ({
  name,
  layer: null,
  group: 'other',
  shape,
  elements: shape.reduce((a, b) => a * b, 1),
  type: 'F32',
  bytes,
});

describe('GGUF file size', () => {
  it('counts a tensor record as name, dimension count, dimensions, type and offset', () => {
    // 8-byte length + 8 name bytes + u32 n_dims + 2 × u64 + u32 type + u64 offset
    expect(tensorInfoBytes([one('a.weight', [64, 2], 512)])).toBe(8 + 8 + 4 + 16 + 4 + 8);
    // a [2880, 1] tensor is 1-D to ggml
    expect(tensorInfoBytes([one('b.bias', [2880, 1], 11520)])).toBe(8 + 6 + 4 + 8 + 4 + 8);
  });

  it('pads every tensor to 32 bytes', () => {
    const arch = fixtureArch(llama2_7b);
    const aligned = ggufOverheadBytes([one('a.weight', [32, 1], 64)], arch);
    const ragged = ggufOverheadBytes([one('a.weight', [33, 1], 66)], arch);
    expect(ragged - aligned).toBe(30);
  });

  it('reproduces the 741,056-byte header of llama-2-7b-chat.Q2_K.gguf it was fitted to', () => {
    // tensor data offset asserted by @huggingface/gguf's own tests; checks the tensor records and padding
    const arch = fixtureArch(llama2_7b);
    const tensors = quantizeTensors(fixtureTensors(llama2_7b), findQuant('Q2_K'), arch);
    expect(Math.abs(ggufOverheadBytes(tensors, arch) / 741_056 - 1)).toBeLessThan(0.002);
  });

  it('stores a BPE vocabulary with merges, so it costs more per token than SentencePiece', () => {
    const spm = fixtureArch(llama2_7b);
    const bpe = fixtureArch(qwen3_30b_a3b);
    expect(vocabKind(spm)).toBe('spm');
    expect(vocabKind(bpe)).toBe('bpe');
    expect(tokenizerMetadataBytes(bpe) / bpe.vocabSize).toBeGreaterThan(
      tokenizerMetadataBytes(spm) / spm.vocabSize,
    );
  });

  it('predicts a file a few MB larger than its tensors', () => {
    const arch = fixtureArch(qwen3_30b_a3b);
    const tensors = quantizeTensors(fixtureTensors(qwen3_30b_a3b), findQuant('Q8_0'), arch);
    const data = tensors.reduce((s, t) => s + t.bytes, 0);
    const extra = ggufFileBytes(tensors, arch) - data;
    expect(extra).toBeGreaterThan(1e6);
    expect(extra).toBeLessThan(20e6);
  });
});
