import { describe, expect, it } from 'vitest';
import {
  fixtureValidationPath,
  loadValidationRows,
  predictRows,
  resolveRows,
  summarize,
} from '../scripts/validation.js';

// test/fixtures/validation-public.jsonl: 193 published llama.cpp measurements, each row naming its source.
const predictions = predictRows(resolveRows(loadValidationRows(fixtureValidationPath)));
const { overall, byBackend } = summarize(predictions);

describe('decode estimates against the public llama.cpp measurements', () => {
  it('estimates every validation row', () => {
    expect(predictions).toHaveLength(193);
    for (const p of predictions) expect(p.predicted).toBeGreaterThan(0);
  });

  it('keeps the median error at or below 15%', () => {
    expect(overall.median).toBeLessThanOrEqual(0.15);
  });

  it('keeps the 90th-percentile error at or below 35%', () => {
    expect(overall.p90).toBeLessThanOrEqual(0.35);
  });

  it('keeps the median error of each backend with ten or more rows at or below 20%', () => {
    for (const [backend, s] of Object.entries(byBackend)) {
      if (s.rows >= 10) expect(s.median, backend).toBeLessThanOrEqual(0.2);
    }
  });

  it('reads every row in the regime its hardware implies: the 70B on a 64 GB M1 Max stays in unified memory', () => {
    const row = predictions.find((p) => p.id === 'gt116');
    expect(row?.regime).toBe('unified');
  });
});
