import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { llama31_8bReadmeGiB } from '../../test/published-quant-sizes.js';
import {
  type FixtureShape,
  fixtureArch,
  fixtureTensors,
  gemma4Fixture,
  gemma4Shapes,
  llama2_7b,
  qwen3_30b_a3b,
} from '../../test/weights-fixtures.js';
import { findQuant, type QuantizedTensor, quantizeTensors, quantMixes, storageType } from '../index.js';

const quantize = (shape: FixtureShape, mix: string, imatrix?: boolean) =>
  quantizeTensors(
    fixtureTensors(shape),
    findQuant(mix),
    fixtureArch(shape),
    imatrix === undefined ? {} : { imatrix },
  );
const gqa8 = { ...llama2_7b, kvHeads: 4 };
const typeOf = (ts: QuantizedTensor[], name: string) => ts.find((t) => t.name === name)?.type;
const total = (ts: QuantizedTensor[]) => ts.reduce((s, t) => s + t.bytes, 0);
const layersWith = (ts: QuantizedTensor[], suffix: string, type: string) =>
  ts.filter((t) => t.name.endsWith(suffix) && t.type === type).map((t) => t.layer);

describe('quantizeTensors', () => {
  it('keeps 1-D tensors at F32 in every GGUF mix', () => {
    for (const mix of ['F16', 'Q8_0', 'Q4_K_M', 'Q2_K', 'MXFP4']) {
      const norms = quantize(llama2_7b, mix).filter((t) => t.shape.length === 1);
      expect(norms.length).toBe(65);
      expect(new Set(norms.map((t) => t.type))).toEqual(new Set(['F32']));
    }
  });

  it('stores an F16 file at 2 bytes per matrix element and 4 per norm element', () => {
    const ts = quantize(llama2_7b, 'F16');
    const matrices = ts.filter((t) => t.shape.length === 2).reduce((s, t) => s + t.elements, 0);
    const vectors = ts.filter((t) => t.shape.length === 1).reduce((s, t) => s + t.elements, 0);
    expect(total(ts)).toBe(2 * matrices + 4 * vectors);
  });

  it('puts the untied output head at Q6_K and leaves token_embd at the base type', () => {
    const ts = quantize(llama2_7b, 'Q4_K_M');
    expect(typeOf(ts, 'output.weight')).toBe('Q6_K');
    expect(typeOf(ts, 'token_embd.weight')).toBe('Q4_K');
    expect(typeOf(quantize(llama2_7b, 'Q4_0'), 'output.weight')).toBe('Q6_K');
    expect(typeOf(quantize(llama2_7b, 'Q8_0'), 'output.weight')).toBe('Q8_0');
  });

  it('quantises a tied token embedding like an output head', () => {
    const ts = quantize({ ...llama2_7b, tied: true }, 'Q4_K_M');
    expect(typeOf(ts, 'output.weight')).toBeUndefined();
    expect(typeOf(ts, 'token_embd.weight')).toBe('Q6_K');
  });

  it('keeps exactly the use_more_bits half of attn_v and ffn_down at Q6_K in Q4_K_M', () => {
    const ts = quantize(llama2_7b, 'Q4_K_M');
    // 32 layers: the first and last eighth (0-3, 28-31) and every third layer from 6 on.
    const expected = [0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31];
    expect(layersWith(ts, 'attn_v.weight', 'Q6_K')).toEqual(expected);
    expect(layersWith(ts, 'ffn_down.weight', 'Q6_K')).toEqual(expected);
    expect(layersWith(ts, 'attn_q.weight', 'Q6_K')).toEqual([]);
    expect(layersWith(ts, 'ffn_up.weight', 'Q4_K').length).toBe(32);
  });

  it('raises the first four attn_v and the first eighth of ffn_down to Q5_K in Q4_K_S', () => {
    const ts = quantize(llama2_7b, 'Q4_K_S');
    expect(layersWith(ts, 'attn_v.weight', 'Q5_K')).toEqual([0, 1, 2, 3]);
    expect(layersWith(ts, 'ffn_down.weight', 'Q5_K')).toEqual([0, 1, 2, 3]);
  });

  it('gives Q3_K_M its Q5_K/Q4_K attn_v, attn_output and ffn_down', () => {
    const ts = quantize(llama2_7b, 'Q3_K_M');
    expect(layersWith(ts, 'attn_v.weight', 'Q5_K')).toEqual([0, 1]);
    expect(layersWith(ts, 'attn_v.weight', 'Q4_K').length).toBe(30);
    expect(layersWith(ts, 'attn_output.weight', 'Q4_K').length).toBe(32);
    expect(layersWith(ts, 'ffn_down.weight', 'Q5_K')).toEqual([0, 1]);
    expect(layersWith(ts, 'ffn_gate.weight', 'Q3_K').length).toBe(32);
  });

  it('gives attn_v Q4_K in Q2_K files only when four or more query heads share a KV head', () => {
    expect(typeOf(quantize(llama2_7b, 'Q2_K'), 'blk.5.attn_v.weight')).toBe('Q3_K');
    expect(typeOf(quantize({ ...llama2_7b, kvHeads: 8 }, 'Q2_K'), 'blk.5.attn_v.weight')).toBe('Q4_K');
  });

  it('raises Q4_K attn_v to Q5_K in 80-layer GQA Llamas (LLM_TYPE_70B)', () => {
    const llama70b = { hidden: 8192, ffn: 28672, layers: 80, heads: 64, kvHeads: 8, vocab: 128256 };
    const ts = quantize(llama70b, 'Q4_K_M');
    expect(typeOf(ts, 'blk.10.attn_v.weight')).toBe('Q5_K');
    expect(typeOf(ts, 'blk.0.attn_v.weight')).toBe('Q6_K');
    expect(typeOf(quantize({ ...llama70b, layers: 79 }, 'Q4_K_M'), 'blk.10.attn_v.weight')).toBe('Q4_K');
  });

  it('keeps attn_k and attn_v of 8-expert models at Q8_0', () => {
    const mixtral = { ...llama2_7b, ffn: 14336, kvHeads: 8, experts: 8, expertsUsed: 2, expertFfn: 14336 };
    const ts = quantize(mixtral, 'Q4_K_M');
    expect(typeOf(ts, 'blk.7.attn_v.weight')).toBe('Q8_0');
    expect(typeOf(ts, 'blk.7.attn_k.weight')).toBe('Q8_0');
    expect(typeOf(ts, 'blk.7.attn_output.weight')).toBe('Q5_K');
  });

  it('falls back to a 32-wide type when an expert row is not whole K-quant blocks', () => {
    const moe = { ...qwen3_30b_a3b, expertFfn: 704 };
    const ts = quantize(moe, 'Q4_K_M');
    expect(typeOf(ts, 'blk.0.ffn_down_exps.weight')).toBe('Q8_0'); // Q6_K layer → Q8_0
    expect(typeOf(ts, 'blk.7.ffn_down_exps.weight')).toBe('Q5_0'); // Q4_K layer (48 layers: 0-5 and 8, 11, … raised) → Q5_0
    expect(typeOf(ts, 'blk.7.ffn_gate_exps.weight')).toBe('Q4_K');
  });

  it('stores MoE experts as MXFP4 and every other matrix as Q8_0 in MXFP4 files', () => {
    const ts = quantize(qwen3_30b_a3b, 'MXFP4');
    expect(new Set(ts.filter((t) => t.group === 'experts').map((t) => t.type))).toEqual(new Set(['MXFP4']));
    expect(typeOf(ts, 'blk.3.attn_q.weight')).toBe('Q8_0');
    expect(typeOf(ts, 'token_embd.weight')).toBe('Q8_0');
    expect(typeOf(ts, 'output.weight')).toBe('Q8_0');
    expect(typeOf(ts, 'blk.3.ffn_gate_inp.weight')).toBe('F32');
  });

  it('honours llama-quantize token-embedding and output type overrides', () => {
    const arch = fixtureArch({ ...llama2_7b, tied: true });
    const ts = quantizeTensors(fixtureTensors({ ...llama2_7b, tied: true }), findQuant('Q4_0'), arch, {
      tokenEmbeddingType: 'q8_0',
    });
    expect(typeOf(ts, 'token_embd.weight')).toBe('Q8_0');
  });

  it('quantises MLX matrices in groups of 64 and keeps routers at 8 bits', () => {
    const ts = quantize(qwen3_30b_a3b, 'MLX 4-bit');
    const q = ts.find((t) => t.name === 'blk.0.attn_q.weight')!;
    expect(q.bytes).toBe((q.elements / 64) * (32 + 2 + 2));
    expect(typeOf(ts, 'blk.0.ffn_gate_inp.weight')).toBe('MLX_Q8');
    expect(typeOf(ts, 'token_embd.weight')).toBe('MLX_Q4');
    expect(typeOf(ts, 'blk.0.attn_norm.weight')).toBe('F16');
  });

  it('gives the 1-2 bit IQ mixes their own branch: Q2_K/IQ3_S attn_v and first ffn_downs, Q5_K output', () => {
    const xxs = quantize(llama2_7b, 'IQ2_XXS');
    expect(typeOf(xxs, 'output.weight')).toBe('Q5_K');
    expect(typeOf(xxs, 'token_embd.weight')).toBe('Q2_K');
    expect(layersWith(xxs, 'attn_v.weight', 'Q2_K').length).toBe(32);
    expect(layersWith(xxs, 'ffn_down.weight', 'Q2_K')).toEqual([0, 1, 2, 3]);
    expect(typeOf(xxs, 'blk.9.attn_output.weight')).toBe('IQ2_XXS');
    const m = quantize(gqa8, 'IQ2_M');
    expect(typeOf(m, 'token_embd.weight')).toBe('IQ3_S');
    expect(layersWith(m, 'attn_v.weight', 'Q4_K').length).toBe(32);
    expect(layersWith(m, 'ffn_down.weight', 'IQ3_S')).toEqual([0, 1, 2, 3]);
    expect(typeOf(m, 'blk.9.attn_output.weight')).toBe('IQ3_S');
    expect(typeOf(m, 'blk.9.ffn_up.weight')).toBe('IQ2_S');
    expect(typeOf(quantize(llama2_7b, 'IQ2_S'), 'blk.9.ffn_up.weight')).toBe('IQ2_XS');
    expect(typeOf(quantize(llama2_7b, 'IQ1_S'), 'blk.9.attn_output.weight')).toBe('IQ2_XXS');
    expect(typeOf(quantize(llama2_7b, 'IQ1_M'), 'blk.9.attn_output.weight')).toBe('IQ2_XXS');
  });

  it("skips the 70B attn_v bump in the 1-2 bit IQ mixes but not in IQ3_S (llama.cpp's branch order)", () => {
    const llama70b = { hidden: 8192, ffn: 28672, layers: 80, heads: 64, kvHeads: 8, vocab: 128256 };
    expect(typeOf(quantize(llama70b, 'IQ2_XXS'), 'blk.10.attn_v.weight')).toBe('Q4_K');
    expect(typeOf(quantize(llama70b, 'IQ3_S'), 'blk.10.attn_v.weight')).toBe('Q5_K');
  });

  it('gives the IQ3 mixes their attn_q/attn_k/attn_v/attn_output/ffn choices', () => {
    const xxs = quantize(llama2_7b, 'IQ3_XXS');
    expect(typeOf(xxs, 'token_embd.weight')).toBe('IQ3_S');
    expect(typeOf(xxs, 'output.weight')).toBe('Q5_K');
    expect(typeOf(xxs, 'blk.5.attn_q.weight')).toBe('IQ2_S');
    expect(typeOf(xxs, 'blk.5.attn_k.weight')).toBe('IQ2_S');
    expect(typeOf(xxs, 'blk.5.attn_output.weight')).toBe('IQ3_S');
    // modelled with an importance matrix (required): attn_v and ffn_down stay IQ3_XXS
    expect(typeOf(xxs, 'blk.5.attn_v.weight')).toBe('IQ3_XXS');
    expect(typeOf(xxs, 'blk.5.ffn_down.weight')).toBe('IQ3_XXS');
    const noImatrix = quantize(llama2_7b, 'IQ3_XXS', false);
    expect(typeOf(noImatrix, 'blk.5.attn_v.weight')).toBe('IQ3_S');
    expect(layersWith(noImatrix, 'ffn_down.weight', 'Q4_K')).toEqual([0, 1, 2, 3]);
    expect(typeOf(noImatrix, 'blk.5.ffn_down.weight')).toBe('Q3_K');
    const xs = quantize(llama2_7b, 'IQ3_XS');
    expect(typeOf(xs, 'blk.5.attn_q.weight')).toBe('IQ3_XXS');
    expect(layersWith(xs, 'ffn_gate.weight', 'IQ3_S')).toEqual([0, 1, 2, 3, 28, 29, 30, 31]);
    expect(layersWith(xs, 'ffn_up.weight', 'IQ3_XXS').length).toBe(24);
    const iq3m = quantize(llama2_7b, 'IQ3_M');
    expect(layersWith(iq3m, 'attn_v.weight', 'Q4_K').length).toBe(32);
    expect(layersWith(iq3m, 'attn_output.weight', 'Q4_K').length).toBe(32);
    expect(layersWith(iq3m, 'ffn_down.weight', 'Q4_K')).toEqual([0, 1, 2, 3]);
    expect(typeOf(quantize(gqa8, 'IQ3_S'), 'blk.5.attn_v.weight')).toBe('Q4_K');
    expect(typeOf(quantize(llama2_7b, 'IQ3_S'), 'blk.5.attn_v.weight')).toBe('IQ3_S');
  });

  it('gives Q2_K_S Q4_K attn_v (with GQA) and first-eighth ffn_down, TQ and Q2_0 a Q4_K token_embd', () => {
    const s = quantize(gqa8, 'Q2_K_S');
    expect(layersWith(s, 'attn_v.weight', 'Q4_K').length).toBe(32);
    expect(layersWith(s, 'ffn_down.weight', 'Q4_K')).toEqual([0, 1, 2, 3]);
    expect(typeOf(s, 'blk.9.attn_output.weight')).toBe('Q2_K');
    for (const mix of ['TQ1_0', 'TQ2_0', 'Q2_0']) {
      expect(typeOf(quantize(llama2_7b, mix), 'token_embd.weight')).toBe('Q4_K');
      expect(typeOf(quantize(llama2_7b, mix), 'output.weight')).toBe('Q6_K');
    }
  });

  it('applies the importance-matrix branches: Q4_0/Q5_0 first ffn_downs at Q4_1/Q5_1, IQ4 ffn_down not raised', () => {
    expect(layersWith(quantize(llama2_7b, 'Q4_0', true), 'ffn_down.weight', 'Q4_1')).toEqual([0, 1, 2, 3]);
    expect(layersWith(quantize(llama2_7b, 'Q5_0', true), 'ffn_down.weight', 'Q5_1')).toEqual([0, 1, 2, 3]);
    expect(layersWith(quantize(llama2_7b, 'Q4_0'), 'ffn_down.weight', 'Q4_1')).toEqual([]);
    expect(layersWith(quantize(llama2_7b, 'IQ4_XS'), 'ffn_down.weight', 'Q5_K')).toEqual([0, 1, 2, 3]);
    expect(layersWith(quantize(llama2_7b, 'IQ4_XS', true), 'ffn_down.weight', 'Q5_K')).toEqual([]);
  });

  it('counts ffn_down tensors the way llama.cpp does for the 1-2 bit IQ mixes (two per layer with a dense FFN beside the experts)', () => {
    // Gemma 4 26B A4B: 30 layers, so the first 30/8 = 3 ffn_down tensors in load order (blk.0.ffn_down,
    // blk.0.ffn_down_exps, blk.1.ffn_down) go to Q2_K (and fall back to Q4_0: rows of 2112 and 704 are not
    // whole 256-blocks); blk.1.ffn_down_exps stays IQ2_XXS (IQ4_NL, its 32-wide fallback).
    const { tensors, arch } = gemma4Fixture(gemma4Shapes['gemma-4-26b-a4b']!);
    const ts = quantizeTensors(tensors, findQuant('IQ2_XXS'), arch);
    expect(typeOf(ts, 'blk.0.ffn_down.weight')).toBe('Q4_0');
    expect(typeOf(ts, 'blk.0.ffn_down_exps.weight')).toBe('Q4_0');
    expect(typeOf(ts, 'blk.1.ffn_down.weight')).toBe('Q4_0');
    expect(typeOf(ts, 'blk.1.ffn_down_exps.weight')).toBe('IQ4_NL');
    // MoE with 4+ experts: attn_v Q4_K whatever the GQA
    expect(typeOf(ts, 'blk.1.attn_v.weight')).toBe('Q4_K');
  });

  it("models Unsloth Dynamic mixes as their file type's mix plus their upcasts", () => {
    const q4xl = quantize(qwen3_30b_a3b, 'UD-Q4_K_XL');
    const q4km = quantize(qwen3_30b_a3b, 'Q4_K_M');
    // routed experts' ffn_down not raised to Q6_K (the UD header counts), attention as in Q4_K_M
    expect(layersWith(q4xl, 'ffn_down_exps.weight', 'Q6_K')).toEqual([]);
    expect(layersWith(q4km, 'ffn_down_exps.weight', 'Q6_K').length).toBe(24);
    expect(typeOf(q4xl, 'blk.0.attn_v.weight')).toBe(typeOf(q4km, 'blk.0.attn_v.weight'));
    // dense ffn_down at least Q5_K
    const dense = quantize(llama2_7b, 'Q4_K_XL');
    expect(new Set(dense.filter((t) => t.name.endsWith('ffn_down.weight')).map((t) => t.type))).toEqual(
      new Set(['Q5_K', 'Q6_K']),
    );
    expect(typeOf(quantize(llama2_7b, 'UD-Q8_K_XL'), 'blk.3.attn_q.weight')).toBe('BF16');
    expect(typeOf(quantize(llama2_7b, 'UD-Q8_K_XL'), 'blk.3.ffn_up.weight')).toBe('Q8_0');
    expect(typeOf(quantize(llama2_7b, 'UD-Q6_K_XL'), 'token_embd.weight')).toBe('Q8_0');
    expect(typeOf(quantize(llama2_7b, 'UD-Q2_K_XL'), 'token_embd.weight')).toBe('Q6_K');
    // a UD name without a recipe of ours is its llama.cpp mix with an importance matrix
    expect(total(quantize(llama2_7b, 'UD-Q4_0'))).toBe(total(quantize(llama2_7b, 'Q4_0', true)));
  });

  it('reproduces the Llama-3.1-8B sizes of every mix published in llama.cpp tools/quantize/README.md', () => {
    // size (GiB, llama-bench: tensor bytes) per quant type, printed to 2 decimals: ±0.005 GiB
    const llama31_8b = { hidden: 4096, ffn: 14336, layers: 32, heads: 32, kvHeads: 8, vocab: 128256 };
    expect(Object.keys(llama31_8bReadmeGiB).length).toBe(23);
    for (const [mix, gib] of Object.entries(llama31_8bReadmeGiB)) {
      expect(Math.abs(total(quantize(llama31_8b, mix)) / 2 ** 30 - gib), mix).toBeLessThanOrEqual(0.006);
    }
  });

  it('orders the mixes of one model by size, smallest to largest', () => {
    const order = [
      'Q2_K',
      'Q3_K_S',
      'Q3_K_M',
      'Q3_K_L',
      'Q4_K_S',
      'Q4_K_M',
      'Q5_K_S',
      'Q5_K_M',
      'Q6_K',
      'Q8_0',
      'F16',
      'F32',
    ];
    for (const shape of [llama2_7b, qwen3_30b_a3b]) {
      const sizes = order.map((m) => total(quantize(shape, m)));
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]!);
    }
  });

  it('sizes every tensor from its type: whole blocks, bits per weight as the type says', () => {
    const mixes = quantMixes.map((m) => m.name);
    fc.assert(
      fc.property(
        fc.record({
          hidden: fc.integer({ min: 1, max: 12 }).map((k) => 256 * k),
          ffn: fc.integer({ min: 1, max: 40 }).map((k) => 32 * k),
          layers: fc.integer({ min: 1, max: 40 }),
          heads: fc.constant(8),
          kvHeads: fc.constantFrom(1, 2, 4, 8),
          vocab: fc.integer({ min: 100, max: 5000 }),
          tied: fc.boolean(),
        }),
        fc.constantFrom(...mixes),
        (shape, mix) => {
          for (const t of quantize(shape, mix)) {
            const type = storageType(t.type);
            expect((t.shape[0] ?? 1) % type.blockSize).toBe(0);
            expect(t.bytes).toBeCloseTo((t.elements * type.bytesPerBlock) / type.blockSize, 6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
