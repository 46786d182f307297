import { estimateDetailed, memoryPools } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs, queryFromState, stateFromQuery } from '../state/url-state.js';
import { scenarioOf, tuneScenarioOf } from './scenario-of.js';

describe('several GPUs on the page', () => {
  const inputs: Inputs = {
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
    // The tuner searches the split but keeps the streams and the projector asked for.
    const served = tuneScenarioOf({ ...inputs, parallel: 3, parallelRuntime: 'ollama', mmprojBytes: 9e8 });
    expect(served).toMatchObject({ parallel: 3, parallelRuntime: 'ollama', mmprojBytes: 9e8 });
    expect('splitMode' in served).toBe(false);
    const pools = memoryPools(estimateDetailed(input));
    expect(pools.map((p) => p.label)).toEqual(['GPU 0 memory', 'GPU 1 memory', 'System RAM']);
  });

  it('-ts, the main GPU, streams and the projector reach the estimate, and its memory follows them', () => {
    const layer = { ...inputs, splitMode: undefined, device: 'geforce-rtx-3060-12gb' };
    const weightsOf = (i: Inputs) =>
      estimateDetailed(scenarioOf(i).input).placement.perDevice?.map((d) => d.weightsBytes) ?? [];
    const [even0 = 0, even1 = 0] = weightsOf(layer);
    const [three0 = 0, one1 = 0] = weightsOf({ ...layer, tensorSplit: [3, 1] });
    expect(three0).toBeGreaterThan(even0);
    expect(one1).toBeLessThan(even1);
    expect(scenarioOf({ ...inputs, mainGpu: 1 }).input.mainGpu).toBe(1);

    const kvOf = (i: Inputs) => estimateDetailed(scenarioOf(i).input).memory.kvCacheBytes;
    const four = { ...layer, parallel: 4 };
    expect(kvOf({ ...four, parallelRuntime: 'ollama' })).toBeGreaterThan(kvOf(four));
    const perStream = (i: Inputs) => estimateDetailed(scenarioOf(i).input).parallel?.contextPerStream;
    expect(perStream(four)).toBe(layer.contextTokens / 4);
    expect(perStream({ ...four, kvUnified: true })).toBe(layer.contextTokens);
    expect(scenarioOf({ ...layer, parallel: 1, kvUnified: true }).input).not.toHaveProperty('kvUnified');

    const runtimeOf = (i: Inputs) =>
      estimateDetailed(scenarioOf(i).input).placement.perDevice?.[0]?.runtimeBytes ?? Number.NaN;
    const projector = { ...layer, mmprojBytes: 860e6 };
    expect(runtimeOf(projector) - runtimeOf(layer)).toBeCloseTo(860e6, -3);
    expect(runtimeOf({ ...projector, mmprojOnCpu: true })).toBe(runtimeOf(layer));
  });
});
