import { describe, expect, it } from 'vitest';
import { tuneSettings } from './tune-settings.js';

describe('tuning on several GPUs', () => {
  it('Gemma 4 31B Q4_K_M on two RTX 3060 12GB: everything on the pair, with the split flags', () => {
    const t = tuneSettings({
      model: 'gemma-4-31b',
      quant: 'Q4_K_M',
      device: '2x rtx 3060 12gb',
      alternatives: false,
    });
    const best = t.configurations[0];
    expect(best?.settings.gpuLayers).toBe(60);
    expect(best?.split?.devices).toHaveLength(2);
    expect(best?.commands.llamaServer).toMatch(/ -sm (layer|row|tensor)/);
    expect(best?.commands.ollama.note).toMatch(/Ollama splits layers across the GPUs on its own/);
    expect(t.device).toBe('2× GeForce RTX 3060 12GB');
  });

  it('searching every KV type (and so tensor split) never does worse than q8_0 KV alone', () => {
    const scenario = { model: 'gemma-4-31b', quant: 'Q4_K_M', devices: ['rtx 3060 12gb', 'rtx 3090'] };
    const t = tuneSettings({ ...scenario, alternatives: false });
    const layerOnly = tuneSettings({ ...scenario, alternatives: false, kvCacheTypes: ['q8_0'] });
    expect(t.configurations[0]?.decodeTokensPerSecond ?? 0).toBeGreaterThanOrEqual(
      (layerOnly.configurations[0]?.decodeTokensPerSecond ?? 0) * 0.999,
    );
  });
});
