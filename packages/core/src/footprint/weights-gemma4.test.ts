import { describe, expect, it } from 'vitest';
import { publishedGemma4Files } from '../../test/published-sizes.js';
import { gemma4Fixture, gemma4Shapes } from '../../test/weights-fixtures.js';
import { findQuant, ggufFileBytes, quantizeTensors, weightBreakdown } from '../index.js';

describe('Gemma 4 GGUF sizes from llama.cpp tensor layouts', () => {
  it('predicts every published Gemma 4 GGUF within 1%', () => {
    for (const f of publishedGemma4Files) {
      const shape = gemma4Shapes[f.model]!;
      // ggml-org's E-model files keep the unused k/v projections of KV-shared layers; google's QAT ones do not
      const { tensors, arch } = gemma4Fixture({ ...shape, keepSharedKv: f.source.includes('ggml-org') });
      const predicted = ggufFileBytes(quantizeTensors(tensors, findQuant(f.quant), arch), arch);
      expect(Math.abs(predicted / f.fileBytes - 1), `${f.model} ${f.quant}`).toBeLessThan(0.01);
    }
  });

  it('keeps the 26B A4B Q4_K_M expert down-projections at Q5_0/Q8_0 because 704 is not a multiple of 256', () => {
    const { tensors, arch } = gemma4Fixture(gemma4Shapes['gemma-4-26b-a4b']!);
    const types = new Set(
      quantizeTensors(tensors, findQuant('Q4_K_M'), arch)
        .filter((t) => t.name.endsWith('ffn_down_exps.weight'))
        .map((t) => t.type),
    );
    expect(types).toEqual(new Set(['Q5_0', 'Q8_0']));
  });

  // 3.822B active of 25.233B text-decoder parameters, computed from the config (128 experts, top-8,
  // expert FFN 704; huggingface/transformers src/transformers/models/gemma4/convert_gemma4_weights.py);
  // the model card (huggingface.co/google/gemma-4-26B-A4B-it) states 25.2B total, 3.8B active.
  it('reads about the 3.82B of 25.23B parameters active for the 26B A4B', () => {
    const { tensors, arch } = gemma4Fixture(gemma4Shapes['gemma-4-26b-a4b']!);
    const b = weightBreakdown(quantizeTensors(tensors, findQuant('Q8_0'), arch), arch);
    expect(b.activeBytesPerToken / b.totalBytes).toBeCloseTo(3.822 / 25.233, 2);
  });

  it('reads all of a dense tied model per token: the head in full, one row of the lookup', () => {
    const { tensors, arch } = gemma4Fixture(gemma4Shapes['gemma-4-31b']!);
    const b = weightBreakdown(quantizeTensors(tensors, findQuant('Q8_0'), arch), arch);
    expect(b.activeBytesPerToken - b.totalBytes).toBeCloseTo(b.outputHeadBytes / 262144, 6);
  });
});
