import { quantMixes } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { quantGroups } from './QuantOptions.js';

describe('quant select groups', () => {
  it('list every mix exactly once, Unsloth Dynamic and MLX apart from llama-quantize’s own', () => {
    const listed = quantGroups.flatMap((g) => g.mixes.map((q) => q.name));
    expect([...listed].sort()).toEqual(quantMixes.map((q) => q.name).sort());
    const [llama, unsloth, mlx] = quantGroups;
    expect(llama?.mixes.map((q) => q.name)).toContain('Q4_K_M');
    expect(unsloth?.mixes.every((q) => q.name.startsWith('UD-'))).toBe(true);
    expect(mlx?.mixes.every((q) => q.format === 'mlx')).toBe(true);
  });
});
