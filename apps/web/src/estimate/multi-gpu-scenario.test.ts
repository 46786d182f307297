import { estimateDetailed, memoryPools } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, queryFromState, stateFromQuery } from '../state/url-state.js';
import { scenarioOf, tuneScenarioOf } from './scenario-of.js';

describe('several GPUs on the page', () => {
  const inputs = {
    ...DEFAULT_INPUTS,
    model: 'gemma-4-31b',
    device: 'geforce-rtx-3090',
    extraDevices: ['geforce-rtx-3060-12gb'],
    splitMode: 'row' as const,
  };

  it('a share link keeps the extra GPUs and the split mode', () => {
    const query = queryFromState({ inputs });
    expect(query).toContain('gpu=geforce-rtx-3060-12gb');
    expect(query).toContain('sm=row');
    expect(stateFromQuery(query).inputs).toEqual(inputs);
    expect(stateFromQuery('model=gemma-4-31b').inputs.extraDevices).toBeUndefined();
  });

  it('the scenario names every GPU, and the estimate draws one memory bar per GPU', () => {
    const { input } = scenarioOf(inputs);
    expect(input.devices).toEqual(['geforce-rtx-3090', 'geforce-rtx-3060-12gb']);
    expect(input.splitMode).toBe('row');
    expect(tuneScenarioOf(inputs).devices).toHaveLength(2);
    const pools = memoryPools(estimateDetailed(input));
    expect(pools.map((p) => p.label)).toEqual(['GPU 0 memory', 'GPU 1 memory', 'System RAM']);
  });
});
