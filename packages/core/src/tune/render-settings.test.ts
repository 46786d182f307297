import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { llamaGpuLayersValue, renderSettings, type TunedSettings } from '../index.js';

const moe: TunedSettings = {
  contextTokens: 32768,
  gpuLayers: 30,
  totalLayers: 30,
  cpuMoeLayers: 13,
  moeLayers: 30,
  kvCacheType: 'q8_0',
  flashAttention: true,
  marginBytes: 2 ** 30,
};

const dense: TunedSettings = {
  ...moe,
  gpuLayers: 24,
  totalLayers: 60,
  cpuMoeLayers: 0,
  moeLayers: 0,
  kvCacheType: 'f16',
  contextTokens: 8192,
};

const settingsArb = fc
  .record({
    totalLayers: fc.integer({ min: 1, max: 128 }),
    gpuShare: fc.double({ min: 0, max: 1, noNaN: true }),
    moeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    isMoe: fc.boolean(),
    kvCacheType: fc.constantFrom('f16' as const, 'q8_0' as const, 'q4_0' as const),
    contextTokens: fc.integer({ min: 256, max: 262144 }),
  })
  .map(
    (r): TunedSettings => ({
      contextTokens: r.contextTokens,
      totalLayers: r.totalLayers,
      gpuLayers: Math.round(r.gpuShare * r.totalLayers),
      moeLayers: r.isMoe ? r.totalLayers : 0,
      cpuMoeLayers: r.isMoe ? Math.round(r.moeShare * r.totalLayers) : 0,
      kvCacheType: r.kvCacheType,
      flashAttention: true,
      marginBytes: 2 ** 30,
    }),
  );

/** The value after `flag` in a command line. */
const flagValue = (command: string, flag: string): string | undefined => {
  const words = command.split(' ');
  const i = words.indexOf(flag);
  return i < 0 ? undefined : words[i + 1];
};

describe('renderSettings', () => {
  it('writes llama-server flags as llama.cpp spells them', () => {
    const { llamaServer } = renderSettings(moe, { modelPath: 'gemma-4-26b-a4b-Q4_K_M.gguf' });
    expect(llamaServer).toBe(
      'llama-server -m gemma-4-26b-a4b-Q4_K_M.gguf -c 32768 -ngl 31 --n-cpu-moe 13 -ctk q8_0 -ctv q8_0 -fa on',
    );
  });

  it('gives llama-bench the same placement with its own flag names and no context size', () => {
    const { llamaBench } = renderSettings(moe, { modelPath: 'm.gguf', depthTokens: 4096 });
    expect(llamaBench).toBe(
      'llama-bench -m m.gguf -p 512 -n 128 -d 4096 -ngl 31 -ncmoe 13 -ctk q8_0 -ctv q8_0 -fa on',
    );
    expect(llamaBench).not.toContain(' -c ');
  });

  it('leaves out --n-cpu-moe and the cache types when they are the defaults', () => {
    const { llamaServer } = renderSettings(dense, { modelPath: 'm.gguf' });
    expect(llamaServer).toBe('llama-server -m m.gguf -c 8192 -ngl 25 -fa on');
  });

  it('counts the output layer in -ngl as llama.cpp does', () => {
    expect(llamaGpuLayersValue({ gpuLayers: 0 })).toBe(0);
    expect(llamaGpuLayersValue({ gpuLayers: 1 })).toBe(2);
    expect(llamaGpuLayersValue({ gpuLayers: 60 })).toBe(61);
  });

  it('quotes model paths the shell would split', () => {
    const { llamaServer, lmStudio } = renderSettings(dense, { modelPath: "/models/it's big.gguf" });
    expect(llamaServer).toContain(`-m '/models/it'\\''s big.gguf' `);
    expect(lmStudio.cli).toContain(`'/models/it'\\''s big.gguf'`);
  });

  it('never renders a quantised V cache without flash attention on', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const r = renderSettings(s, { modelPath: 'm.gguf' });
        for (const line of [r.llamaServer, r.llamaBench]) {
          if ((flagValue(line, '-ctv') ?? 'f16') !== 'f16') expect(flagValue(line, '-fa')).toBe('on');
        }
        if (s.kvCacheType !== 'f16') {
          expect(r.ollama.serve).toContain('OLLAMA_FLASH_ATTENTION=1');
          expect(r.lmStudio.loadConfig.flashAttention).toBe(true);
        }
      }),
    );
  });

  it('gives LM Studio ratios that floor and round back to the layer counts', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const { gpu } = renderSettings(s, { modelPath: 'm.gguf' }).lmStudio.loadConfig;
        const layers =
          gpu.ratio === 'max' ? s.totalLayers : gpu.ratio === 'off' ? 0 : gpu.ratio * s.totalLayers;
        expect(Math.floor(layers + 1e-9)).toBe(s.gpuLayers);
        expect(Math.round(layers)).toBe(s.gpuLayers);
        if (s.cpuMoeLayers > 0) {
          const experts = (gpu.numCpuExpertLayersRatio ?? 0) * s.totalLayers;
          expect(Math.floor(experts + 1e-9)).toBe(s.cpuMoeLayers);
        } else {
          expect(gpu.numCpuExpertLayersRatio).toBeUndefined();
        }
      }),
    );
  });

  it('sets Ollama num_gpu to llama.cpp -ngl and the KV type on the server', () => {
    const r = renderSettings({ ...dense, kvCacheType: 'q4_0' }, { modelPath: './m.gguf' });
    expect(r.ollama.options).toEqual({ num_ctx: 8192, num_gpu: 25 });
    expect(r.ollama.serve).toBe('OLLAMA_FLASH_ATTENTION=1 OLLAMA_KV_CACHE_TYPE=q4_0 ollama serve');
    expect(r.ollama.modelfile).toBe('FROM ./m.gguf\nPARAMETER num_ctx 8192\nPARAMETER num_gpu 25');
    expect(r.ollama.note).toBeUndefined();
  });

  it('says Ollama cannot keep only experts in RAM instead of giving it a layer count that would not fit', () => {
    const r = renderSettings(moe, { modelPath: 'm.gguf' });
    expect(r.ollama.options).toEqual({ num_ctx: 32768 });
    expect(r.ollama.note).toMatch(/--n-cpu-moe/);
  });

  it('names the server slots and the vision projector for llama-server and Ollama, not for llama-bench', () => {
    const one = renderSettings(dense, { modelPath: 'm.gguf', parallel: 1, kvUnified: true });
    expect(one.llamaServer).not.toMatch(/-np|-kvu/);
    const r = renderSettings(dense, {
      modelPath: 'm.gguf',
      parallel: 4,
      kvUnified: true,
      mmprojPath: 'mmproj m.gguf',
      mmprojInRam: true,
    });
    expect(r.llamaServer).toBe(
      "llama-server -m m.gguf -c 8192 -ngl 25 -fa on -np 4 -kvu --mmproj 'mmproj m.gguf' --no-mmproj-offload",
    );
    expect(r.llamaBench).not.toMatch(/-np|-kvu|mmproj/);
    expect(r.ollama.serve).toMatch(/ OLLAMA_NUM_PARALLEL=4 ollama serve$/);
    // Sized by llama-server's shared -c: Ollama would give every request the whole num_ctx.
    expect(r.ollama.note).toMatch(/each of the 4 requests the whole num_ctx/);
    const ollama = renderSettings(dense, { modelPath: 'm.gguf', parallel: 4, parallelRuntime: 'ollama' });
    expect(ollama.ollama.note).toBeUndefined();
    expect(ollama.llamaServer).toMatch(/-np 4$/);
  });
});
