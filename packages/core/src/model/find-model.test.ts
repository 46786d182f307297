import { describe, expect, it } from 'vitest';
import { CliffbenchError, findModel, models } from '../index.js';

const failure = (query: string): CliffbenchError => {
  try {
    findModel(query);
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error(`expected "${query}" not to be found`);
};

describe('findModel', () => {
  it('finds every catalog model by its id and by its name', () => {
    for (const m of models) {
      expect(findModel(m.id)).toBe(m);
      expect(findModel(m.name)).toBe(m);
    }
  });

  it('forgives case, spacing and punctuation', () => {
    expect(findModel('Gemma 4 31B').id).toBe('gemma-4-31b');
    expect(findModel('gemma4-31b').id).toBe('gemma-4-31b');
    expect(findModel('GEMMA_4_26B_A4B').id).toBe('gemma-4-26b-a4b');
    expect(findModel('llama 3.1 8b').id).toBe('llama-3.1-8b');
    expect(findModel('llama 3 8b').id).toBe('llama-3-8b');
  });

  it('finds a model from a part of its name when only one fits', () => {
    expect(findModel('31b').id).toBe('gemma-4-31b');
    expect(findModel('E4B').id).toBe('gemma-4-e4b');
    expect(findModel('gpt-oss 120b').id).toBe('gpt-oss-120b');
    expect(findModel('qwen3 30b').id).toBe('qwen3-30b-a3b');
  });

  it('reads Hugging Face repo ids and GGUF file names', () => {
    expect(findModel('google/gemma-4-31B-it').id).toBe('gemma-4-31b');
    expect(findModel('meta-llama/Meta-Llama-3.1-8B-Instruct').id).toBe('llama-3.1-8b');
    expect(findModel('Qwen/Qwen3-Coder-30B-A3B-Instruct').id).toBe('qwen3-coder-30b-a3b');
    expect(findModel('gemma-4-26B-A4B-it-UD-Q4_K_XL.gguf').id).toBe('gemma-4-26b-a4b');
    expect(findModel('Qwen2.5-Coder-7B-Instruct-Q4_K_M.gguf').id).toBe('qwen2.5-coder-7b');
    expect(findModel('gpt-oss-20b-mxfp4.gguf').id).toBe('gpt-oss-20b');
    expect(findModel('Llama-2-7b-chat-hf').id).toBe('llama-2-7b');
  });

  it('lists the models a vague name fits', () => {
    const e = failure('llama 70b');
    expect(e.code).toBe('unknown-model');
    expect(e.detail.candidates).toEqual(['llama-2-70b', 'llama-3-70b', 'llama-3.1-70b']);
    expect(failure('gemma 3').detail.candidates).toEqual([
      'gemma-3-1b',
      'gemma-3-4b',
      'gemma-3-12b',
      'gemma-3-27b',
    ]);
  });

  it('lists close ids first when nothing fits', () => {
    const e = failure('gema-4-31');
    expect(e.message).toMatch(/no catalog model/);
    expect((e.detail.candidates as string[])[0]).toBe('gemma-4-31b');
    expect((e.detail.candidates as string[]).length).toBeLessThanOrEqual(6);
  });
});
