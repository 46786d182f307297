import { describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';

describe('cliffbench estimate on several GPUs', () => {
  it('"2x rtx 3090" works and draws one memory bar per GPU', async () => {
    const { code, out } = await cli(['estimate', '-m', 'gemma-4-31b', '-q', 'Q4_K_M', '-d', '2x rtx 3090']);
    expect(code).toBe(0);
    expect(out).toContain('2× GeForce RTX 3090');
    expect(out).toMatch(/GPU 0 memory .*GeForce RTX 3090: /);
    expect(out).toMatch(/GPU 1 memory .*GeForce RTX 3090: /);
    expect(out).toContain('layer split');
  });

  it('--device repeats; --tensor-split, --split-mode and --main-gpu reach the scenario', async () => {
    const { code, out } = await cli([
      'estimate',
      '-m',
      'gemma-4-31b',
      '-d',
      'rtx 3090',
      '-d',
      'rtx 3060 12gb',
      '--tensor-split',
      '3,1',
      '--split-mode',
      'row',
      '--main-gpu',
      '1',
      '--json',
    ]);
    expect(code).toBe(0);
    const e = JSON.parse(out);
    expect(e.placement.splitMode).toBe('row');
    expect(e.placement.perDevice.map((d: { name: string }) => d.name)).toEqual([
      'GeForce RTX 3090',
      'GeForce RTX 3060 12GB',
    ]);
    expect(e.placement.perDevice[0].kvCacheBytes).toBe(0);
    expect(e.placement.perDevice[0].weightsBytes).toBeCloseTo(3 * e.placement.perDevice[1].weightsBytes, -3);
  });

  it('refuses tensor split with a quantised KV cache, in words', async () => {
    const { code, err } = await cli([
      'estimate',
      '-m',
      'gemma-4-31b',
      '-d',
      '2x rtx 3090',
      '--split-mode',
      'tensor',
      '--kv',
      'q8_0',
    ]);
    expect(code).not.toBe(0);
    expect(err).toMatch(/needs flash attention on and an unquantised/);
  });
});
