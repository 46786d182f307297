import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import { siglipEncoder } from '../model/catalog-vision.js';
import {
  ENCODE_RANGE,
  encoderFlops,
  encoderParams,
  imageEncodeTime,
  type VisionEncoder,
} from './vision-encode.js';

/** Gemma 3's SigLIP tower (google/gemma-3-4b-it config.json vision_config). */
const SIGLIP = siglipEncoder({
  hidden_size: 1152,
  intermediate_size: 4304,
  num_hidden_layers: 27,
  patch_size: 14,
  image_size: 896,
});

const speedOf = (device: string) => resolveScenario({ model: 'gemma-3-4b', quant: 'Q4_K_M', device }).speed;

describe('vision encoder FLOPs', () => {
  it("Gemma 3's SigLIP on its 896-pixel image, by hand", () => {
    // Per block 4 · 1152² = 5,308,416 attention weights + 2 · 1152 · 4304 = 9,916,416 MLP weights = 15,224,832;
    // × 27 blocks = 411,070,464. (896 / 14)² = 4096 patches: matmuls 2 · 411,070,464 · 4096 = 3,367,489,241,088;
    // attention 4 · 27 · 4096² · 1152 = 2,087,354,105,856 FLOPs.
    expect(encoderParams(SIGLIP)).toBe(411_070_464);
    expect(encoderFlops(SIGLIP, 4096)).toEqual({
      matmul: 3_367_489_241_088,
      attention: 2_087_354_105_856,
    });
  });

  it('a gated MLP has a third matrix', () => {
    const gated: VisionEncoder = { ...SIGLIP, gated: true };
    expect(encoderParams(gated) - encoderParams(SIGLIP)).toBe(27 * 1152 * 4304);
  });

  it('attention grows with the square of the patches, matmuls linearly', () => {
    const [one, two] = [encoderFlops(SIGLIP, 1024), encoderFlops(SIGLIP, 2048)];
    expect(two.matmul / one.matmul).toBe(2);
    expect(two.attention / one.attention).toBe(4);
  });
});

describe('vision encoder time', () => {
  it('is slower on the CPU than on the GPU, and more than doubles with twice the patches', () => {
    const speed = speedOf('rtx 4090');
    const gpu = imageEncodeTime(speed, SIGLIP, 4096, true);
    const cpu = imageEncodeTime(speed, SIGLIP, 4096, false);
    expect(gpu.onGpu).toBe(true);
    expect(cpu.secondsPerImage).toBeGreaterThan(10 * gpu.secondsPerImage);
    expect(imageEncodeTime(speed, SIGLIP, 8192, true).secondsPerImage).toBeGreaterThan(
      2 * gpu.secondsPerImage,
    );
  });

  it('never runs faster than the FLOPs at the peak rate of the units used', () => {
    for (const device of ['rtx 4090', 'tesla v100 pcie 16gb', 'apple m2 10-core gpu 16gb']) {
      const speed = speedOf(device);
      for (const onGpu of [true, false]) {
        const t = imageEncodeTime(speed, SIGLIP, 4096, onGpu);
        const peak = onGpu ? speed.prefill.gpuPeakFlops : speed.prefill.cpuPeakFlops;
        expect(t.secondsPerImage).toBeGreaterThan(t.flopsPerImage / peak);
      }
    }
  });
});

describe('validation rows (test/fixtures/validation-vision.jsonl)', () => {
  const rows = readFileSync(new URL('../../test/fixtures/validation-vision.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(
      (l) =>
        JSON.parse(l) as {
          device: string;
          encoder: VisionEncoder;
          patches: number;
          onGpu: boolean;
          measured: { encodeMs: number; source: string };
        },
    );

  it('each cites its source, and ENCODE_RANGE is the span of their measured / predicted ratios', () => {
    expect(rows.length).toBeGreaterThan(0);
    const ratios = rows.map((row) => {
      expect(row.measured.source).toMatch(/^https:\/\//);
      const predicted = imageEncodeTime(speedOf(row.device), row.encoder, row.patches, row.onGpu);
      return row.measured.encodeMs / 1e3 / predicted.secondsPerImage;
    });
    // Rounded outwards to two decimals: the range holds every row and is no wider than that.
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(ENCODE_RANGE.low);
    expect(Math.min(...ratios) - ENCODE_RANGE.low).toBeLessThan(0.01);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(ENCODE_RANGE.high);
    expect(ENCODE_RANGE.high - Math.max(...ratios)).toBeLessThan(0.01);
  });
});
