import { estimateDetailed, resolveScenario } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, type Inputs } from '../state/url-state.js';
import { concurrencyCurve, STREAM_COUNTS } from './concurrency.js';
import { scenarioOf } from './scenario-of.js';

/** Gemma 4 26B A4B Q4_K_M on two RTX 3060 12GB, 8k context: fits with room for many streams. */
const twoCards: Inputs = { ...DEFAULT_INPUTS, extraDevices: ['geforce-rtx-3060-12gb'], parallel: 4 };
const curveOf = (inputs: Inputs) => concurrencyCurve(resolveScenario(scenarioOf(inputs).input));

describe('the concurrency curve', () => {
  it('is core’s estimate with N streams at every point, the current setting included', () => {
    const c = curveOf({ ...twoCards, parallel: 5 });
    expect(c.points.map((p) => p.streams)).toEqual([...STREAM_COUNTS, 5].sort((a, b) => a - b));
    const five = c.points.find((p) => p.streams === 5);
    const direct = estimateDetailed({ ...scenarioOf(twoCards).input, parallel: 5 }).parallel;
    expect(five?.perStreamTokensPerSecond).toBe(direct?.perStreamTokensPerSecond);
    expect(five?.aggregateTokensPerSecond).toBe(direct?.aggregateTokensPerSecond);
    const one = c.points[0];
    expect(one?.aggregateTokensPerSecond).toBe(one?.perStreamTokensPerSecond);
    expect(one?.perStreamTokensPerSecond).toBe(
      estimateDetailed({ ...scenarioOf(twoCards).input, parallel: 1 }).decodeTokensPerSecond,
    );
  });

  it('gives each stream less and all of them more as streams are added, while everything stays on the GPU', () => {
    const points = curveOf({ ...twoCards, parallel: 4 }).points.filter((p) => p.onGpu);
    expect(points.length).toBeGreaterThan(2);
    for (const [i, p] of points.entries()) {
      const prev = points[i - 1];
      if (prev === undefined) continue;
      expect(p.perStreamTokensPerSecond).toBeLessThanOrEqual(prev.perStreamTokensPerSecond);
      expect(p.aggregateTokensPerSecond).toBeGreaterThan(prev.aggregateTokensPerSecond);
    }
  });

  it('llama.cpp shares the context among the slots; Ollama gives each its own and stops fitting sooner', () => {
    const llama = curveOf(twoCards);
    const ollama = curveOf({ ...twoCards, parallelRuntime: 'ollama' });
    const at = (c: typeof llama, n: number) => c.points.find((p) => p.streams === n);
    expect(at(llama, 4)?.contextPerStream).toBe(DEFAULT_INPUTS.contextTokens / 4);
    expect(at(ollama, 4)?.contextPerStream).toBe(DEFAULT_INPUTS.contextTokens);
    expect(ollama.stopsFittingAt).toBeDefined();
    const stop = ollama.stopsFittingAt ?? 0;
    expect(at(ollama, stop)?.onGpu).toBe(false);
    expect(ollama.points.filter((p) => p.streams < stop).every((p) => p.onGpu)).toBe(true);
    expect(stop).toBeLessThan(llama.stopsFittingAt ?? Number.POSITIVE_INFINITY);
  });

  it('marks no crossing when even one stream does not fit in GPU memory', () => {
    const c = curveOf({ ...twoCards, model: 'gemma-4-31b', extraDevices: undefined });
    expect(c.points[0]?.onGpu).toBe(false);
    expect(c.stopsFittingAt).toBeUndefined();
  });
});
