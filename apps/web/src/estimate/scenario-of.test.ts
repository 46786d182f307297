import { CliffbenchError, estimateDetailed } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs } from '../state/url-state.js';
import { scenarioOf, tuneScenarioOf } from './scenario-of.js';

describe('images in the page’s scenario', () => {
  const gemma: Inputs = { ...DEFAULT_INPUTS, model: 'gemma-4-31b', device: 'geforce-rtx-4090' };

  it('the estimate and the tuner both get the images, with or without a projector size', () => {
    expect(scenarioOf({ ...gemma, images: 2 }).input).toMatchObject({ images: 2 });
    expect(scenarioOf({ ...gemma, images: 2 }).input).not.toHaveProperty('mmprojBytes');
    expect(tuneScenarioOf({ ...gemma, images: 2, mmprojOnCpu: true })).toMatchObject({
      images: 2,
      mmprojOffload: false,
    });
    expect(tuneScenarioOf({ ...gemma, images: 3, mmprojBytes: 9e8 })).toMatchObject({
      images: 3,
      mmprojBytes: 9e8,
    });
    for (const none of [gemma, { ...gemma, images: 0, mmprojOnCpu: true as const }]) {
      expect(scenarioOf(none).input).not.toHaveProperty('images');
      expect(scenarioOf(none).input).not.toHaveProperty('mmprojOffload');
      expect(tuneScenarioOf(none)).not.toHaveProperty('images');
    }
  });

  it('images without a size use the catalog’s projector: more prompt time and memory than none', () => {
    const none = estimateDetailed(scenarioOf(gemma).input);
    const two = estimateDetailed(scenarioOf({ ...gemma, images: 2 }).input);
    expect(two.timeToFirstTokenSeconds).toBeGreaterThan(none.timeToFirstTokenSeconds);
    expect(two.memory.deviceBytes).toBeGreaterThan(none.memory.deviceBytes);
    expect(two.imageEncode).toMatchObject({ images: 2, onGpu: true });
  });

  it('images for a model without a known projector and no size are refused with core’s message', () => {
    const llama: Inputs = { ...DEFAULT_INPUTS, model: 'llama-3.1-8b', images: 1 };
    expect(() => estimateDetailed(scenarioOf(llama).input)).toThrow(CliffbenchError);
    expect(() => estimateDetailed(scenarioOf(llama).input)).toThrow(/needs a vision projector/);
  });
});
