import type { TuneCurve, TuneScenario } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import {
  bestSettingsView,
  copyBlocks,
  curveColumns,
  SETTINGS_TOOLS,
  splitText,
  toolNote,
} from './best-settings-view.js';

const seed: TuneScenario = {
  model: 'gemma-4-26b-a4b',
  quant: 'Q4_K_M',
  device: 'RTX 3060 12GB',
  host: { ramGB: 32, ramBandwidthGBs: 51.2 },
  contextTokens: 32768,
};

describe('bestSettingsView', () => {
  it('tunes the page scenario and gives a curve through the chosen configuration', () => {
    const view = bestSettingsView(seed);
    if (!view.ok) throw new Error(view.message);
    const best = view.result.configurations[0];
    expect(best).toBeDefined();
    const curve = view.curve(0);
    expect(curve?.chosenX).toBe(
      curve?.axis === 'cpuMoeLayers' ? best?.settings.cpuMoeLayers : best?.settings.gpuLayers,
    );
    expect(view.curve(view.result.configurations.length)).toBeUndefined();
  });

  it('runs faster configurations when the benchmark measures more bandwidth than the spec sheet', () => {
    const spec = bestSettingsView(seed);
    const measured = bestSettingsView(seed, { gpuBandwidthGBs: 500, ramBandwidthGBs: 80, source: 'test' });
    if (!spec.ok || !measured.ok) throw new Error('expected results');
    expect(measured.result.configurations[0]?.decodeTokensPerSecond).toBeGreaterThan(
      spec.result.configurations[0]?.decodeTokensPerSecond ?? Infinity,
    );
  });

  it('says what is wrong instead of throwing for an unknown model', () => {
    const view = bestSettingsView({ ...seed, model: 'no-such-model' });
    expect(view.ok).toBe(false);
    if (!view.ok) expect(view.message).toMatch(/no-such-model/);
  });

  it('offers a copy block per command for every tool', () => {
    const view = bestSettingsView(seed);
    if (!view.ok) throw new Error(view.message);
    const best = view.result.configurations[0];
    if (best === undefined) throw new Error('expected a configuration');
    const llama = copyBlocks(best, 'llama.cpp');
    expect(llama.map((b) => b.text)).toEqual([best.commands.llamaServer, best.commands.llamaBench]);
    for (const { id } of SETTINGS_TOOLS) {
      for (const block of copyBlocks(best, id)) expect(block.text.length).toBeGreaterThan(0);
    }
    expect(JSON.parse(copyBlocks(best, 'lm-studio')[1]?.text ?? '')).toEqual(
      best.commands.lmStudio.loadConfig,
    );
    expect(toolNote(best, 'llama.cpp')).toBeUndefined();
  });
});

describe('curveColumns', () => {
  const curve: TuneCurve = {
    axis: 'cpuMoeLayers',
    xLabel: 'x',
    yLabel: 'y',
    contextTokens: 4096,
    kvCacheType: 'f16',
    marginBytes: 0,
    chosenX: 2,
    points: [0, 1, 2, 3].map((x) => ({
      x,
      decodeTokensPerSecond: 50 - x,
      fits: x >= 2,
      deviceBytes: 10 - x,
      hostBytes: x,
    })),
  };

  it('splits the curve into fitting and non-fitting lines that meet at the boundary', () => {
    const [xs, fits, spills, chosen] = curveColumns(curve);
    expect(xs).toEqual([0, 1, 2, 3]);
    expect(fits).toEqual([null, null, 48, 47]);
    expect(spills).toEqual([50, 49, 48, null]);
    expect(chosen).toEqual([null, null, 48, null]);
  });
});

describe('splitText', () => {
  it('shows the -ts, split mode and card order the tuner picked, as its llama-server command uses them', () => {
    const view = bestSettingsView({
      ...seed,
      device: undefined,
      devices: ['geforce-rtx-3090', 'geforce-rtx-3060-12gb'],
      contextTokens: 8192,
    });
    if (!view.ok) throw new Error(view.message);
    const configs = view.result.configurations;
    expect(configs.some((c) => c.split?.tensorSplit !== undefined)).toBe(true);
    for (const c of configs) {
      const text = splitText(c) ?? '';
      const s = c.split;
      expect(text).toContain(`-sm ${s?.splitMode}`);
      expect(c.commands.llamaServer).toContain(`-sm ${s?.splitMode}`);
      if (s?.tensorSplit !== undefined) {
        expect(text).toContain(`-ts ${s.tensorSplit.join(',')}`);
        expect(c.commands.llamaServer).toContain(`-ts ${s.tensorSplit.join(',')}`);
      } else expect(c.commands.llamaServer).not.toContain('-ts');
      for (const d of s?.devices ?? []) expect(text).toContain(d);
    }
    const one = bestSettingsView(seed);
    if (!one.ok) throw new Error(one.message);
    expect(one.result.configurations.map(splitText).every((t) => t === undefined)).toBe(true);
  });
});
