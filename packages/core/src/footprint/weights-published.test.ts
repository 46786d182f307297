import { describe, expect, it } from 'vitest';
import { publishedTensorBytes } from '../../test/published-sizes.js';
import { fixtureArch, fixtureFromHfConfig, fixtureTensors } from '../../test/weights-fixtures.js';
import { findQuant, quantizeTensors, weightBreakdown } from '../index.js';

const predict = (cfg: Readonly<Record<string, unknown>>, quant: string, tokenEmbeddingType?: string) => {
  const shape = fixtureFromHfConfig(cfg);
  const arch = fixtureArch(shape);
  const options = tokenEmbeddingType ? { tokenEmbeddingType } : {};
  return weightBreakdown(quantizeTensors(fixtureTensors(shape), findQuant(quant), arch, options), arch)
    .totalBytes;
};

describe('published llama-bench model sizes', () => {
  it('predicts every validation row without a caveat within 3%', () => {
    for (const row of publishedTensorBytes.filter((r) => !r.caveat)) {
      const err = predict(row.hfConfig, row.quant) / row.weightsBytes - 1;
      expect(Math.abs(err), `${row.label} ${row.quant}`).toBeLessThan(0.03);
    }
  });

  it('matches the LLaMA 2 70B Q4_0 row once its size is read as the GiB llama-bench printed', () => {
    const row = publishedTensorBytes.find((r) => r.ids.includes('gt131'))!;
    const realBytes = 36.37 * 2 ** 30;
    expect(Math.abs(predict(row.hfConfig, row.quant) / realBytes - 1)).toBeLessThan(0.01);
    expect(predict(row.hfConfig, row.quant) / row.weightsBytes - 1).toBeGreaterThan(0.05);
  });

  it('matches the Gemma 3 4B QAT file only with its token embedding at Q8_0', () => {
    const row = publishedTensorBytes.find((r) => r.ids.includes('gt162'))!;
    expect(Math.abs(predict(row.hfConfig, row.quant, 'Q8_0') / row.weightsBytes - 1)).toBeLessThan(0.01);
    expect(predict(row.hfConfig, row.quant) / row.weightsBytes - 1).toBeLessThan(-0.05);
  });
});
