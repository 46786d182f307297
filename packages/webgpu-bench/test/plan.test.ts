import { findModel, tensorsOf } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  browserOf,
  decodeGemvs,
  formats,
  fullPlan,
  gemvProblem,
  matrixBytes,
  measuredFormats,
  quickPlan,
  truncateStep,
} from '../src/index.js';

const elements = (ps: { rows: number; cols: number }[]) => ps.reduce((a, p) => a + p.rows * p.cols, 0);

describe('decode-step GEMVs from the catalog', () => {
  it('multiply every weight a dense Gemma 4 token reads, with the tied embedding once as the head', () => {
    const arch = findModel('gemma-4-31b');
    const tensors = tensorsOf(arch).filter((t) => t.group === 'attention' || t.group === 'ffn');
    const gemvs = decodeGemvs(arch);
    expect(elements(gemvs)).toBe(
      tensors.reduce((a, t) => a + t.elements, 0) + arch.vocabSize * arch.hiddenSize,
    );
    expect(gemvs.at(-1)).toMatchObject({ rows: arch.vocabSize, cols: arch.hiddenSize, layer: null });
  });

  it('take top-k expert slices of a MoE layer, not all experts', () => {
    const arch = findModel('gemma-4-26b-a4b');
    const ffn = arch.layers[0]?.ffn;
    if (ffn?.kind !== 'moe') throw new Error('gemma-4-26b-a4b should be MoE');
    const layer0 = decodeGemvs(arch).filter((p) => p.layer === 0);
    const slices = layer0.filter((p) => p.label.includes('_exps['));
    expect(slices).toHaveLength(2 * ffn.expertsUsed);
    expect(
      slices.filter((p) => p.rows === 2 * ffn.expertIntermediate && p.cols === arch.hiddenSize),
    ).toHaveLength(ffn.expertsUsed);
  });

  it('skip lookups and the K/V projections that KV-shared layers never read', () => {
    const arch = findModel('gemma-4-e2b');
    const gemvs = decodeGemvs(arch);
    expect(gemvs.some((p) => p.rows === arch.vocabSize && p.label.includes('per_layer_token_embd'))).toBe(
      false,
    );
    const shared = arch.layers.findIndex((l) => l.kvSharedFrom !== undefined);
    expect(shared).toBeGreaterThan(0);
    const of = (layer: number) =>
      gemvs.filter((p) => p.layer === layer).map((p) => p.label.split('.').at(-1));
    expect(of(shared)).not.toContain('attn_k');
    expect(of(0)).toContain('attn_k');
  });

  it('name one GEMV by its llama.cpp tensor, and say what names look like otherwise', () => {
    const arch = findModel('gemma-4-e4b');
    const l = arch.layers[0];
    expect(gemvProblem('gemma-4-e4b', 'blk.0.attn_q')).toMatchObject({
      rows: (l?.headCount ?? 0) * (l?.headDimK ?? 0),
      cols: arch.hiddenSize,
    });
    expect(gemvProblem('gemma 4 e2b', 'output').rows).toBe(262_144);
    expect(() => gemvProblem('gemma-4-e2b', 'blk.0.nope')).toThrow(/blk\.0\.attn_q/);
  });
});

describe('plans', () => {
  it('are plain data that survive the trip to a Worker', () => {
    for (const plan of [quickPlan(), fullPlan()]) expect(structuredClone(plan)).toEqual(plan);
  });

  it('time shapes of several sizes, so a launch + bandwidth fit is possible', () => {
    for (const plan of [quickPlan(), fullPlan()]) {
      const sizes = new Set(plan.problems.map((p) => matrixBytes(formats.q4_0, p.rows, p.cols)));
      expect(sizes.size).toBeGreaterThanOrEqual(3);
      expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(10);
      expect(plan.workingSetBytes).toBeGreaterThanOrEqual(512 * 2 ** 20);
    }
  });

  it('measure f32 in place of f16 where the device has no shader-f16', () => {
    expect(measuredFormats(quickPlan(), false).formats).toEqual(['q4_0', 'q4_k', 'q8_0', 'f32']);
    expect(measuredFormats(quickPlan(), true).formats).toEqual(['q4_0', 'q4_k', 'q8_0', 'f16']);
    expect(measuredFormats(quickPlan(), true).note).toBeUndefined();
  });
});

describe('a decode step cut to a byte budget', () => {
  const gemvs = decodeGemvs(findModel('gemma-4-e2b'));
  const bytes = (ps: { rows: number; cols: number }[]) =>
    ps.reduce((a, p) => a + matrixBytes(formats.q4_k, p.rows, p.cols), 0);

  it('keeps whole layers in order, and the output head only when every layer fits', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 3e9, noNaN: true }), (budget) => {
        const cut = truncateStep(gemvs, 'q4_k', budget);
        expect(cut.layers).toBeGreaterThanOrEqual(1);
        if (cut.layers > 1) expect(bytes(cut.gemvs)).toBeLessThanOrEqual(budget);
        const layers = new Set(cut.gemvs.flatMap((p) => (p.layer === null ? [] : [p.layer])));
        expect([...layers]).toEqual(Array.from({ length: cut.layers }, (_, i) => i));
        for (const l of layers)
          expect(cut.gemvs.filter((p) => p.layer === l)).toEqual(gemvs.filter((p) => p.layer === l));
        expect(cut.head).toBe(cut.gemvs.at(-1)?.label.includes('output') === true);
        if (cut.head) expect(cut.layers).toBe(35);
      }),
      { numRuns: 40 },
    );
  });

  it('runs the whole model when the budget allows', () => {
    const all = truncateStep(gemvs, 'q4_k', 1e12);
    expect(all).toMatchObject({ layers: 35, head: true });
    expect(all.gemvs).toEqual(gemvs);
  });
});

describe('the browser named in a result', () => {
  it('is read from the user agent, Edge and Opera before Chrome, Chrome before Safari', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
    expect(browserOf(chrome)).toBe('Chrome 138');
    expect(browserOf(`${chrome} Edg/138.0.1`)).toBe('Edge 138');
    expect(
      browserOf(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
      ),
    ).toBe('Safari 26');
    expect(
      browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0'),
    ).toBe('Firefox 141');
    expect(browserOf('node v20.20.2')).toBeUndefined();
  });
});
