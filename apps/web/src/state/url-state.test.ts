import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, inputsFromQuery, queryFromInputs } from './url-state.js';

describe('URL state', () => {
  it('round-trips every input through the query string', () => {
    const inputs = {
      model: 'gemma-4-31b',
      quant: 'Q4_K_M',
      device: 'GeForce RTX 3060 12GB',
      ramGB: 32,
      contextTokens: 32768,
      gpuLayers: 20,
      offload: 'sysmem' as const,
    };
    expect(inputsFromQuery(queryFromInputs(inputs))).toEqual(inputs);
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(inputsFromQuery('')).toEqual(DEFAULT_INPUTS);
    const i = inputsFromQuery('ram=-5&ctx=abc&ngl=1.5&offload=magic&model=%20');
    expect(i.ramGB).toBe(DEFAULT_INPUTS.ramGB);
    expect(i.contextTokens).toBe(DEFAULT_INPUTS.contextTokens);
    expect(i.gpuLayers).toBeUndefined();
    expect(i.offload).toBe('auto');
    expect(i.model).toBe(DEFAULT_INPUTS.model);
  });
});
