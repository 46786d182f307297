import { describe, expect, it } from 'vitest';
import { fileTypeName, ggufQuantName, unslothDynamicFromFileName } from './gguf-file-types.js';

describe('GGUF file types', () => {
  it('names every general.file_type llama.cpp defines (include/llama.h enum llama_ftype)', () => {
    const names: Record<number, string> = {
      0: 'F32',
      1: 'F16',
      2: 'Q4_0',
      3: 'Q4_1',
      7: 'Q8_0',
      8: 'Q5_0',
      9: 'Q5_1',
      10: 'Q2_K',
      11: 'Q3_K_S',
      12: 'Q3_K_M',
      13: 'Q3_K_L',
      14: 'Q4_K_S',
      15: 'Q4_K_M',
      16: 'Q5_K_S',
      17: 'Q5_K_M',
      18: 'Q6_K',
      19: 'IQ2_XXS',
      20: 'IQ2_XS',
      21: 'Q2_K_S',
      22: 'IQ3_XS',
      23: 'IQ3_XXS',
      24: 'IQ1_S',
      25: 'IQ4_NL',
      26: 'IQ3_S',
      27: 'IQ3_M',
      28: 'IQ2_S',
      29: 'IQ2_M',
      30: 'IQ4_XS',
      31: 'IQ1_M',
      32: 'BF16',
      36: 'TQ1_0',
      37: 'TQ2_0',
      38: 'MXFP4',
      39: 'NVFP4',
      40: 'Q1_0',
      41: 'Q2_0',
    };
    for (const [id, name] of Object.entries(names)) expect(fileTypeName(Number(id))).toBe(name);
    // removed file types old files still carry, and the unknown
    expect(fileTypeName(4)).toBe('Q4_1_SOME_F16');
    expect(fileTypeName(33)).toBe('Q4_0_4_4');
    expect(fileTypeName(1024)).toBeUndefined();
    expect(fileTypeName(99)).toBeUndefined();
  });

  it('recognises Unsloth Dynamic files by name, split parts and folders included', () => {
    expect(unslothDynamicFromFileName('gemma-4-31B-it-UD-Q4_K_XL.gguf')).toBe('UD-Q4_K_XL');
    expect(unslothDynamicFromFileName('Qwen3-30B-A3B-UD-IQ2_M.gguf')).toBe('UD-IQ2_M');
    expect(unslothDynamicFromFileName('UD-Q2_K_XL/Qwen3-235B-UD-Q2_K_XL-00001-of-00002.gguf')).toBe(
      'UD-Q2_K_XL',
    );
    expect(unslothDynamicFromFileName('Qwen3-Coder-Next-UD-Q4_K_M.gguf')).toBe('UD-Q4_K_M');
    expect(unslothDynamicFromFileName('/models/qwen3-8b-ud-q8_k_xl.gguf')).toBe('UD-Q8_K_XL');
    expect(unslothDynamicFromFileName('Qwen3-30B-A3B-Q4_K_M.gguf')).toBeUndefined();
    expect(unslothDynamicFromFileName('model-UD-Q7_K_XXL.gguf')).toBeUndefined();
  });

  it("names a UD file by its name where its header's file type is its base mix, else by the file type", () => {
    // a UD-Q4_K_XL header says 15 (Q4_K_M), a UD-Q3_K_XL one 12 (Q3_K_M): ambiguous without the name
    expect(ggufQuantName(15, 'Qwen3-32B-UD-Q4_K_XL.gguf')).toBe('UD-Q4_K_XL');
    expect(ggufQuantName(12, 'DeepSeek-V3-0324-UD-Q3_K_XL-00001-of-00007.gguf')).toBe('UD-Q3_K_XL');
    expect(ggufQuantName(undefined, 'gemma-4-E4B-it-UD-IQ2_M.gguf')).toBe('UD-IQ2_M');
    expect(ggufQuantName(15, 'Qwen3-32B-Q4_K_M.gguf')).toBe('Q4_K_M');
    expect(ggufQuantName(15)).toBe('Q4_K_M');
    // the header's file type as gguf-header reports it (a name) works the same way
    expect(ggufQuantName('Q4_K_M', 'https://host/x/Qwen3-8B-UD-Q4_K_XL.gguf')).toBe('UD-Q4_K_XL');
    expect(ggufQuantName('Q8_0', 'Qwen3-8B-UD-Q4_K_XL.gguf')).toBe('Q8_0');
    // a name that contradicts the header: the header wins
    expect(ggufQuantName(7, 'renamed-UD-Q4_K_XL.gguf')).toBe('Q8_0');
  });
});
