import { describe, expect, it } from 'vitest';
import { type PublishedQuantFile, publishedQuantFiles } from '../../test/published-quant-sizes.js';
import {
  architectureFromHfConfig,
  findModel,
  findQuant,
  ggufFileBytes,
  type ModelArchitecture,
  quantizeTensors,
  tensorsOf,
} from '../index.js';

const archOf = (f: PublishedQuantFile): ModelArchitecture =>
  f.model !== undefined
    ? findModel(f.model)
    : architectureFromHfConfig(f.hfConfig ?? {}, {
        id: 'published',
        name: 'published',
        source: f.source.url,
      });

/** Predicted file size: tensors as the mix gives them (with the publisher's importance matrix) plus header. */
function predicted(f: PublishedQuantFile): number {
  const arch = archOf(f);
  const mix = findQuant(f.quant);
  const options = mix.origin === 'llama.cpp' ? { imatrix: f.source.imatrix } : {};
  return ggufFileBytes(quantizeTensors(tensorsOf(arch), mix, arch, options), arch);
}

const repo = (f: PublishedQuantFile): string =>
  f.source.url.includes('philpax')
    ? 'philpax nix'
    : f.source.url.replace('https://huggingface.co/', '').replace(/\/tree\/.*/, '');

// Gemma 3 270M (262,144 × 640 embedding, 268M parameters): every file, F16 included, is about 9 MB smaller than
// predicted, i.e. its metadata is smaller than the Gemma 4 fit in footprint/weights-file.ts assumes; at this
// size that is 2-4%.
const TINY_GEMMA = (f: PublishedQuantFile) => f.hfConfig?.hidden_size === 640;

/**
 * Unsloth Dynamic files: Hub repository, quant, published size (GB), predicted size (GB), error (%). The
 * Qwen3, DeepSeek-R1-Qwen3-8B, Llama 3.2 and Qwen3-0.6B rows are the ones the UD upcasts in
 * quant/unsloth-dynamic.ts were chosen on; gemma-3 (philpax nix), Mistral Small 3.1 and Gemma 3 270M are
 * held out. Gemma 3 270M's UD-IQ2/IQ3 files shrink its embedding below the Q8_0 llama.cpp gives a 640-wide
 * tied row, and its UD-Q8_K_XL keeps the embedding in 16-bit: not modelled (+33% / -30%).
 */
const UD_TABLE: readonly (readonly [string, string, number, number, number])[] = [
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-IQ1_M', 9.667, 9.741, 0.8],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-IQ1_S', 9.043, 8.768, -3.0],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-IQ2_M', 10.866, 10.744, -1.1],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-IQ2_XXS', 10.362, 10.514, 1.5],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-IQ3_XXS', 12.888, 12.348, -4.2],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q2_K_XL', 11.814, 11.413, -3.4],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q3_K_XL', 13.833, 13.495, -2.4],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q4_K_XL', 17.716, 17.313, -2.3],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q5_K_XL', 21.74, 21.727, -0.1],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q6_K_XL', 26.34, 25.464, -3.3],
  ['unsloth/Qwen3-30B-A3B-GGUF', 'UD-Q8_K_XL', 35.99, 33.335, -7.4],
  ['unsloth/Qwen3-32B-GGUF', 'UD-IQ1_M', 8.302, 7.962, -4.1],
  ['unsloth/Qwen3-32B-GGUF', 'UD-IQ1_S', 7.739, 7.449, -3.7],
  ['unsloth/Qwen3-32B-GGUF', 'UD-IQ2_M', 11.553, 11.658, 0.9],
  ['unsloth/Qwen3-32B-GGUF', 'UD-IQ2_XXS', 9.277, 9.022, -2.8],
  ['unsloth/Qwen3-32B-GGUF', 'UD-IQ3_XXS', 12.968, 13.116, 1.1],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q2_K_XL', 12.797, 12.729, -0.5],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q3_K_XL', 16.403, 16.404, 0.0],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q4_K_XL', 20.022, 20.288, 1.3],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q5_K_XL', 23.234, 23.216, -0.1],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q6_K_XL', 28.962, 28.725, -0.8],
  ['unsloth/Qwen3-32B-GGUF', 'UD-Q8_K_XL', 39.481, 40.482, 2.5],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-IQ1_M', 9.628, 9.741, 1.2],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-IQ1_S', 8.914, 8.768, -1.6],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-IQ2_M', 10.837, 10.744, -0.9],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-IQ2_XXS', 10.334, 10.514, 1.7],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-IQ3_XXS', 12.849, 12.348, -3.9],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q2_K_XL', 11.789, 11.413, -3.2],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q3_K_XL', 13.806, 13.495, -2.3],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q4_K_XL', 17.665, 17.313, -2.0],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q5_K_XL', 21.74, 21.727, -0.1],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q6_K_XL', 26.34, 25.464, -3.3],
  ['unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF', 'UD-Q8_K_XL', 35.99, 33.335, -7.4],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-IQ1_M', 2.391, 2.258, -5.6],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-IQ1_S', 2.269, 2.173, -4.2],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-IQ2_M', 3.111, 3.12, 0.3],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-IQ2_XXS', 2.602, 2.492, -4.2],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-IQ3_XXS', 3.41, 3.437, 0.8],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q2_K_XL', 3.502, 3.59, 2.5],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q3_K_XL', 4.314, 4.426, 2.6],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q4_K_XL', 5.123, 5.143, 0.4],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q5_K_XL', 5.884, 5.853, -0.5],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q6_K_XL', 7.491, 7.395, -1.3],
  ['unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF', 'UD-Q8_K_XL', 10.824, 10.127, -6.4],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-IQ1_M', 0.96, 0.923, -3.9],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-IQ1_S', 0.912, 0.92, 0.8],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-IQ2_M', 1.256, 1.257, 0.0],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-IQ2_XXS', 1.047, 1.016, -2.9],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-IQ3_XXS', 1.37, 1.376, 0.4],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q2_K_XL', 1.403, 1.363, -2.9],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q3_K_XL', 1.742, 1.719, -1.4],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q4_K_XL', 2.061, 2.062, 0.1],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q5_K_XL', 2.328, 2.321, -0.3],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q6_K_XL', 2.968, 2.909, -2.0],
  ['unsloth/Llama-3.2-3B-Instruct-GGUF', 'UD-Q8_K_XL', 4.204, 4.081, -2.9],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-IQ1_M', 0.221, 0.218, -1.4],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-IQ1_S', 0.215, 0.227, 5.9],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-IQ2_M', 0.269, 0.273, 1.6],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-IQ2_XXS', 0.234, 0.231, -1.3],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-IQ3_XXS', 0.282, 0.287, 1.8],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q2_K_XL', 0.302, 0.298, -1.3],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q3_K_XL', 0.357, 0.36, 0.9],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q4_K_XL', 0.405, 0.404, -0.4],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q5_K_XL', 0.446, 0.446, -0.1],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q6_K_XL', 0.576, 0.577, 0.1],
  ['unsloth/Qwen3-0.6B-GGUF', 'UD-Q8_K_XL', 0.844, 0.806, -4.5],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-IQ2_M', 0.183, 0.244, 33.5],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-IQ2_XXS', 0.18, 0.24, 33.5],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-IQ3_XXS', 0.185, 0.245, 32.9],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q2_K_XL', 0.238, 0.246, 3.6],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q3_K_XL', 0.243, 0.252, 3.8],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q4_K_XL', 0.254, 0.264, 3.9],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q5_K_XL', 0.26, 0.269, 3.6],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q6_K_XL', 0.286, 0.295, 3.1],
  ['unsloth/gemma-3-270m-it-GGUF', 'UD-Q8_K_XL', 0.471, 0.328, -30.3],
  ['philpax nix', 'UD-Q4_K_XL', 5.136, 5.143, 0.1],
  ['philpax nix', 'UD-Q4_K_XL', 2.544, 2.555, 0.4],
  ['philpax nix', 'UD-Q4_K_XL', 16.797, 17.018, 1.3],
  ['philpax nix', 'UD-Q4_K_XL', 15.301, 14.752, -3.6],
];

describe('published GGUF file sizes for every quant family', () => {
  it("predicts every llama-quantize mix, as bartowski and Unsloth publish it, within 0.6% of the Hub's size", () => {
    const files = publishedQuantFiles.filter((f) => findQuant(f.quant).origin === 'llama.cpp');
    expect(new Set(files.map((f) => f.quant)).size).toBeGreaterThanOrEqual(25);
    for (const f of files) {
      const err = predicted(f) / f.fileBytes - 1;
      expect(Math.abs(err), `${repo(f)} ${f.quant}`).toBeLessThan(TINY_GEMMA(f) ? 0.04 : 0.006);
    }
  });

  it('predicts the IQ mixes of Mistral 7B v0.3 (bartowski, imatrix) within 0.01%', () => {
    const files = publishedQuantFiles.filter((f) => f.model === 'mistral-7b' && f.quant.startsWith('IQ'));
    expect(files.map((f) => f.quant).sort()).toEqual([
      'IQ1_M',
      'IQ1_S',
      'IQ2_M',
      'IQ2_S',
      'IQ2_XS',
      'IQ2_XXS',
      'IQ3_M',
      'IQ3_S',
      'IQ3_XS',
      'IQ3_XXS',
      'IQ4_NL',
      'IQ4_XS',
    ]);
    for (const f of files) expect(Math.abs(predicted(f) / f.fileBytes - 1), f.quant).toBeLessThan(0.0001);
  });

  it('states the size error of every published Unsloth Dynamic file (UD_TABLE)', () => {
    const files = publishedQuantFiles.filter((f) => findQuant(f.quant).origin === 'unsloth-dynamic');
    expect(files.length).toBe(UD_TABLE.length);
    files.forEach((f, i) => {
      const [where, quant, publishedGB, predictedGB, errorPct] = UD_TABLE[i]!;
      const p = predicted(f);
      expect([repo(f), f.quant], `row ${i}`).toEqual([where, quant]);
      expect(f.fileBytes / 1e9).toBeCloseTo(publishedGB, 3);
      expect(p / 1e9, `${where} ${quant}`).toBeCloseTo(predictedGB, 3);
      expect((p / f.fileBytes - 1) * 100, `${where} ${quant}`).toBeCloseTo(errorPct, 1);
    });
  });

  it('predicts every UD file of a model of 0.6B or more within 7.5%, and most within 4%', () => {
    const rows = UD_TABLE.filter(([where]) => !where.includes('270m'));
    const errors = rows.map(([, , , , e]) => Math.abs(e));
    expect(Math.max(...errors)).toBeLessThanOrEqual(7.5);
    expect(errors.filter((e) => e <= 4).length / errors.length).toBeGreaterThan(0.8);
    // by family: largest error per UD name
    const worst = new Map<string, number>();
    for (const [, quant, , , e] of rows) worst.set(quant, Math.max(worst.get(quant) ?? 0, Math.abs(e)));
    expect(worst.get('UD-Q5_K_XL')).toBeLessThan(1);
    expect(worst.get('UD-Q4_K_XL')).toBeLessThan(4);
  });
});
