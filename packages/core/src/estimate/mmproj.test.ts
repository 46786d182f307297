import { describe, expect, it } from 'vitest';
import { GEMMA3_KEYS, GEMMA4_KEYS, mmprojFixture } from '../../test/mmproj-files.js';
import { formatEstimate } from '../cli/format-estimate.js';
import { readMmprojHeader } from '../import/mmproj-header.js';
import { catalogConfig } from '../model/catalog.js';
import { catalogVision } from '../model/catalog-vision.js';
import { ENCODE_RANGE } from '../speed/vision-encode.js';
import { estimate, estimateDetailed } from './estimate.js';
import { resolveScenario } from './resolve-scenario.js';

const BASE = { model: 'gemma-3-27b', quant: 'Q4_K_M', device: 'rtx 3090' } as const;
const MMPROJ = 858_000_000;

describe('vision projector (mmproj)', () => {
  it('takes GPU memory, not decode time', () => {
    const text = estimate(BASE);
    const vision = estimate({ ...BASE, mmprojBytes: MMPROJ });
    expect(vision.memory.deviceBytes - text.memory.deviceBytes).toBeCloseTo(MMPROJ, -3);
    expect(vision.decodeTokensPerSecond).toBeCloseTo(text.decodeTokensPerSecond, 6);
    expect(vision.basis).toMatch(
      /vision projector \(mmproj, gemma3\) 0\.86 GB on the GPU \(counted with the runtime\), size given/,
    );
  });

  it('--no-mmproj-offload keeps it in RAM', () => {
    const vision = estimate({ ...BASE, mmprojBytes: MMPROJ, mmprojOffload: false });
    expect(vision.memory.deviceBytes).toBe(estimate(BASE).memory.deviceBytes);
    expect(vision.basis).toMatch(/in RAM/);
  });

  it('can tip a model that just fits off the GPU', () => {
    const near = { ...BASE, gpuMemoryLimitGB: 17.5 };
    const without = estimate(near);
    const withIt = estimate({ ...near, mmprojBytes: 2e9 });
    expect(withIt.placement.gpuLayers).toBeLessThanOrEqual(without.placement.gpuLayers);
  });

  it('sits on the first of several GPUs', () => {
    const e = estimate({ ...BASE, device: '2x rtx 3090', mmprojBytes: MMPROJ });
    const [a, b] = e.placement.perDevice ?? [];
    expect((a?.runtimeBytes ?? 0) - (b?.runtimeBytes ?? 0)).toBeCloseTo(MMPROJ, -3);
  });
});

describe('images', () => {
  const GEMMA4 = { model: 'gemma-4-31b', quant: 'Q4_K_M', device: 'rtx 4090' } as const;

  it("add their tokens to the prompt and load the catalog's projector", () => {
    const text = resolveScenario(GEMMA4);
    const two = resolveScenario({ ...GEMMA4, images: 2 });
    expect(two.settings.promptTokens - text.settings.promptTokens).toBe(2 * 280);
    expect(two.mmproj?.bytes).toBe(catalogVision('gemma-4-31b')?.bytes);
    expect(two.hardware.runtimeBytes - text.hardware.runtimeBytes).toBe(two.mmproj?.bytes);
    const [t, v] = [estimate(GEMMA4), estimate({ ...GEMMA4, images: 2 })];
    expect(v.timeToFirstTokenSeconds).toBeGreaterThan(t.timeToFirstTokenSeconds);
    expect(v.basis).toMatch(
      /2 images × 280 tokens = 560 prompt tokens \(gemma4v: at most 280 an image, llama\.cpp's limit\)/,
    );
    expect(v.basis).toMatch(
      /image encoding ≈ \d+ ms × 2 on the GPU \(ViT 27 blocks × 1152 wide, 2520 patches/,
    );
  });

  it('say when the prompt with its images no longer fits the context', () => {
    const fits = estimate({ ...GEMMA4, images: 1, contextTokens: 1024 });
    expect(fits.warnings.join(' ')).not.toMatch(/exceed the/);
    const over = estimate({ ...GEMMA4, images: 4, contextTokens: 1024 });
    expect(over.warnings).toContainEqual(
      expect.stringMatching(
        /Depth 0 \+ 1632 prompt tokens \(images included\) exceed the 1024-token context/,
      ),
    );
    // A text prompt longer than the context is the same refusal, without the images note.
    const text = estimate({ ...GEMMA4, promptTokens: 2048, contextTokens: 1024 });
    expect(text.warnings).toContainEqual(expect.stringMatching(/^Depth 0 \+ 2048 prompt tokens exceed/));
  });

  it('take the tokens per image given, and a size given over the catalog', () => {
    const r = resolveScenario({ ...GEMMA4, images: 3, imageTokens: 70, mmprojBytes: 5e8 });
    expect(r.settings.promptTokens).toBe(512 + 210);
    expect(r.mmproj?.bytes).toBe(5e8);
  });

  it('"auto" loads the projector without images; Gemma 3 images are 256 tokens', () => {
    expect(resolveScenario({ ...GEMMA4, mmproj: 'auto' }).mmproj?.images).toBe(0);
    const g3 = resolveScenario({ model: 'gemma-3-4b', quant: 'Q4_K_M', device: 'rtx 3060 12gb', images: 1 });
    expect(g3.mmproj?.imageTokens).toBe(256);
  });

  it("a config.json's SigLIP vision_config gives the catalog's Gemma 3 projector", () => {
    const vision_config = {
      model_type: 'siglip_vision_model',
      hidden_size: 1152,
      intermediate_size: 4304,
      num_hidden_layers: 27,
      patch_size: 14,
      image_size: 896,
    };
    const hfConfig = { model_type: 'gemma3', text_config: catalogConfig('gemma-3-27b'), vision_config };
    const r = resolveScenario({ model: { hfConfig }, quant: 'Q4_K_M', device: 'rtx 3090', images: 1 });
    expect(r.mmproj?.bytes).toBe(catalogVision('gemma-3-27b')?.bytes);
    expect(r.mmproj?.imageTokens).toBe(256);
  });

  it('refuses images for a model with no known projector, and a file path outside the CLI', () => {
    expect(() =>
      resolveScenario({ model: 'llama-3-8b', quant: 'Q4_K_M', device: 'rtx 3090', images: 1 }),
    ).toThrow(
      /1 image needs a vision projector, and cliffbench knows none for Llama 3 8B: give the mmproj file \(--mmproj FILE\|URL\) or its size/,
    );
    expect(() => resolveScenario({ ...GEMMA4, mmproj: 'mmproj.gguf' })).toThrow(
      /mmproj "mmproj.gguf" names a file, which only the CLI and --batch read/,
    );
    expect(() =>
      resolveScenario({
        model: 'llama-3-8b',
        quant: 'Q4_K_M',
        device: 'rtx 3090',
        images: 1,
        mmprojBytes: 6e8,
      }),
    ).toThrow(/tokens an image adds are not known for projector "unknown": give them with --image-tokens N/);
  });
});

describe('image encoding', () => {
  const GEMMA3 = { model: 'gemma-3-12b', quant: 'Q4_K_M', device: 'rtx 3090' } as const;

  it('adds the encoder time of each image to the time to first token', () => {
    const [one, three] = [estimate({ ...GEMMA3, images: 1 }), estimate({ ...GEMMA3, images: 3 })];
    const perImage = one.imageEncode?.secondsPerImage ?? 0;
    expect(perImage).toBeGreaterThan(0);
    expect(three.imageEncode).toEqual({ secondsPerImage: perImage, images: 3, onGpu: true });
    // Two more images: their prompt tokens (prefill) and two more encodes.
    const prefillOnly = (e: typeof one) => 512 + 256 * (e.imageEncode?.images ?? 0);
    const prefillSeconds = (e: typeof one) => prefillOnly(e) / e.prefillTokensPerSecond;
    const rest = (e: typeof one) => e.timeToFirstTokenSeconds - prefillSeconds(e);
    expect(rest(three) - rest(one)).toBeCloseTo(2 * perImage, 9);
    expect(one.basis).toMatch(
      /image encoding ≈ \d+ ms × 1 on the GPU \(ViT 27 blocks × 1152 wide, 4096 patches: 5\.45 TFLOP an image/,
    );
    expect(estimate(GEMMA3).imageEncode).toBeUndefined();
  });

  it('shows the encode time on its own line of the human output', () => {
    const e = estimateDetailed({ ...GEMMA3, images: 2 });
    const title = { ...GEMMA3, backend: 'cuda', contextTokens: 8192, promptTokens: 1024 };
    const ms = Math.round((e.imageEncode?.secondsPerImage ?? 0) * 1e3);
    expect(formatEstimate(e, title)).toContain(
      `  Images         image encoding ≈ ${ms} ms × 2 on the GPU (in the time to first token)`,
    );
    expect(formatEstimate(estimateDetailed(GEMMA3), title)).not.toContain('image encoding');
  });

  it('widens the time-to-first-token band by the validation range of the encode time', () => {
    const text = estimate({ ...GEMMA3, mmproj: 'auto' });
    const image = estimate({ ...GEMMA3, mmproj: 'auto', images: 1, promptTokens: 256 });
    // Same 512 prompt tokens, so the prefill and its band are the same; the image adds its encode at the ends.
    const encode = image.imageEncode?.secondsPerImage ?? 0;
    expect(image.timeToFirstTokenBand.low - text.timeToFirstTokenBand.low).toBeCloseTo(
      encode * ENCODE_RANGE.low,
      9,
    );
    expect(image.timeToFirstTokenBand.high - text.timeToFirstTokenBand.high).toBeCloseTo(
      encode * ENCODE_RANGE.high,
      9,
    );
  });

  it('runs on the CPU with --no-mmproj-offload and on a CPU-only device, more slowly', () => {
    const gpu = estimate({ ...GEMMA3, images: 1 });
    const ram = estimate({ ...GEMMA3, images: 1, mmprojOffload: false });
    expect(ram.imageEncode?.onGpu).toBe(false);
    expect(ram.imageEncode?.secondsPerImage ?? 0).toBeGreaterThan(
      10 * (gpu.imageEncode?.secondsPerImage ?? 0),
    );
    expect(ram.basis).toMatch(/image encoding ≈ \d+ ms × 1 on the CPU/);
    const cpu = estimate({ model: 'gemma-3-4b', quant: 'Q4_K_M', device: 'ryzen 9 7950x', images: 1 });
    expect(cpu.imageEncode?.onGpu).toBe(false);
  });

  it('a dynamic-resolution image given fewer tokens runs fewer patches', () => {
    const GEMMA4 = { model: 'gemma-4-26b-a4b', quant: 'Q4_K_M', device: 'rtx 4090' } as const;
    const full = resolveScenario({ ...GEMMA4, images: 1 });
    const small = resolveScenario({ ...GEMMA4, images: 1, imageTokens: 70 });
    expect(full.mmproj?.patches).toBe(280 * 9);
    expect(small.mmproj?.patches).toBe(70 * 9);
  });

  it('says so when the encoder is not known, and counts no time for it', () => {
    const e = estimateDetailed({
      model: 'llama-3-8b',
      quant: 'Q4_K_M',
      device: 'rtx 3090',
      images: 1,
      imageTokens: 576,
      mmprojBytes: 6e8,
    });
    expect(e.imageEncode).toBeUndefined();
    expect(e.basis).toMatch(
      /image encoding not counted: the vision encoder's shape is not known for projector "unknown"/,
    );
  });

  it("Gemma 4 12B's unified projector has no encoder to time", () => {
    const e = estimate({ model: 'gemma-4-12b', quant: 'Q4_K_M', device: 'rtx 4090', images: 1 });
    expect(e.imageEncode).toBeUndefined();
    expect(e.basis).toMatch(/no vision encoder to time: gemma4uv projects the image's patches straight/);
  });

  it("reads the encoder's shape from a projector file's header", async () => {
    const keys = {
      'clip.vision.block_count': 2,
      'clip.vision.embedding_length': 64,
      'clip.vision.feed_forward_length': 256,
    };
    const g3 = await readMmprojHeader(mmprojFixture({ ...GEMMA3_KEYS, ...keys }).bytes);
    expect(g3.encoder).toEqual({ layers: 2, hidden: 64, ffn: 256, gated: false });
    const r = resolveScenario({ ...GEMMA3, images: 1 }, { mmproj: g3 });
    expect(r.mmproj?.encoder).toEqual(g3.encoder);
    expect(r.mmproj?.patches).toBe(64 * 64);
    const bare = await readMmprojHeader(mmprojFixture(GEMMA4_KEYS).bytes);
    expect(bare.encoder).toBeUndefined();
  });
});
