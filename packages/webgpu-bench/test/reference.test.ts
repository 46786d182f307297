import { describe, expect, it } from 'vitest';
import { formats, type PackedMatrix, referenceGemv, toHalfBits } from '../src/index.js';

describe('CPU reference layouts', () => {
  it('reads Q4_0 nibbles as ggml does: low nibble weight j, high nibble weight j + 16, offset 8', () => {
    const words = new Uint32Array(4);
    words[0] = 0x000000f9; // byte 0: low 9 → +1 at weight 0, high 15 → +7 at weight 16
    for (let i = 1; i < 4; i++) words[i] = 0x88888888;
    words[0] = (words[0] as number) | 0x88888800;
    const m: PackedMatrix = {
      format: formats.q4_0,
      rows: 1,
      cols: 32,
      blocksPerRow: 1,
      words,
      scales: new Uint32Array([toHalfBits(0.5)]),
    };
    const x = new Float32Array(32);
    x[0] = 1;
    x[16] = 10;
    expect(referenceGemv(m, x)[0]).toBeCloseTo(0.5 * (1 * 1 + 7 * 10), 10);
  });

  it('reads Q8_0 bytes as signed', () => {
    const words = new Uint32Array(8);
    words[0] = 0x000000ff; // weight 0 = −1
    words[7] = 0x7f000000; // weight 31 = 127
    const m: PackedMatrix = {
      format: formats.q8_0,
      rows: 1,
      cols: 32,
      blocksPerRow: 1,
      words,
      scales: new Uint32Array([toHalfBits(2)]),
    };
    const x = new Float32Array(32).fill(1);
    expect(referenceGemv(m, x)[0]).toBe(2 * (127 - 1));
  });

  it('decodes Q4_K sub-block scales and mins as ggml get_scale_min_k4', () => {
    const words = new Uint32Array(36);
    words[0] = toHalfBits(1) | (toHalfBits(0.5) << 16); // d = 1, dmin = 0.5
    words[1] = 0x00000003; // scale of sub-block 0 = 3
    words[2] = 0x00000002; // min of sub-block 0 = 2
    words[4] = 0x00000005; // weight 0 nibble 5
    const m: PackedMatrix = {
      format: formats.q4_k,
      rows: 1,
      cols: 256,
      blocksPerRow: 1,
      words,
      scales: new Uint32Array(0),
    };
    const x = new Float32Array(256);
    x[0] = 1;
    expect(referenceGemv(m, x)[0]).toBe(1 * 3 * 5 - 0.5 * 2);
  });
});
