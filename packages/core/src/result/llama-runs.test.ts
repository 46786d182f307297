import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionOne } from '../../test/result-fixtures.js';
import {
  CliffbenchError,
  calibrationFromLlamaRuns,
  checkLlamaRun,
  type LlamaBenchRun,
  llamaRunQuant,
  llamaTestLabel,
  matchLlamaRun,
  parseLlamaBenchOutput,
  parseResultDocument,
  RESULT_SCHEMA_VERSION,
} from '../index.js';

// Field names and types as llama-bench's JSON printer writes them (tools/llama-bench/llama-bench.cpp); the
// figures are illustrative (RTX 4090, Llama 3.1 8B Q4_K_M), not a recorded run.
const fixture = readFileSync(new URL('./fixtures/llama-bench-4090.json', import.meta.url), 'utf8');
const runs = parseLlamaBenchOutput(fixture);
const tg = runs[1] as LlamaBenchRun;

describe('llama-bench output import', () => {
  it('reads -o json (an array) and -o jsonl (one object a line) alike, dropping fields it does not use', () => {
    expect(runs).toHaveLength(2);
    const jsonl = (JSON.parse(fixture) as unknown[]).map((r) => JSON.stringify(r)).join('\n');
    expect(parseLlamaBenchOutput(jsonl)).toEqual(runs);
    expect(runs.map(llamaTestLabel)).toEqual(['pp512', 'tg128']);
    expect(Object.keys(tg)).not.toContain('cpu_mask');
  });

  it('reads older builds: flash_attn a boolean, no n_cpu_moe or n_depth', () => {
    const old: Record<string, unknown> = {
      ...(JSON.parse(fixture) as Record<string, unknown>[])[1],
      flash_attn: true,
    };
    delete old.n_cpu_moe;
    delete old.n_depth;
    const [run] = parseLlamaBenchOutput(JSON.stringify(old));
    expect(run?.n_depth).toBe(0);
    expect(run?.flash_attn).toBe(true);
  });

  it('refuses the markdown table and out-of-bounds figures, naming the run and field', () => {
    expect(() => parseLlamaBenchOutput('| model | size |\n| --- | --- |')).toThrow(/-o json or -o jsonl/);
    const bad = JSON.stringify([{ ...tg, avg_ts: -1 }]);
    expect(() => parseLlamaBenchOutput(bad)).toThrow(CliffbenchError);
    expect(() => parseLlamaBenchOutput(bad)).toThrow(/run 1.*avg_ts/s);
  });
});

describe('matching a run to a model and device', () => {
  it('finds the catalog model by file name, the quant and the device by gpu_info', () => {
    const m = matchLlamaRun(tg);
    expect(m.matched && [m.model.id, m.quant, m.device.id, m.backend, m.kind]).toEqual([
      'llama-3.1-8b',
      'Q4_K_M',
      'geforce-rtx-4090',
      'cuda',
      'tg',
    ]);
    expect(llamaRunQuant({ model_filename: 'x.gguf', model_type: 'qwen3 8B Q5_K - Small' })).toBe('Q5_K_S');
    expect(llamaRunQuant({ model_filename: 'gemma-4-31B-it-UD-Q4_K_XL.gguf', model_type: 'x' })).toBe(
      'UD-Q4_K_XL',
    );
  });

  it('does not match a file whose parameter count is not the catalog model', () => {
    const m = matchLlamaRun({ ...tg, model_n_params: 70_000_000_000 });
    expect(m.matched).toBe(false);
    expect(!m.matched && m.reason).toMatch(/parameters/);
  });

  it('does not match a multi-GPU run', () => {
    const m = matchLlamaRun({ ...tg, gpu_info: 'NVIDIA GeForce RTX 4090, NVIDIA GeForce RTX 4090' });
    expect(!m.matched && m.reason).toMatch(/2 GPUs/);
  });
});

describe('physics check', () => {
  it('passes a plausible run and gives its efficiency against the estimate', () => {
    const c = checkLlamaRun(tg);
    expect(c.refused).toBeUndefined();
    expect(c.efficiency).toBeGreaterThan(0.8);
    expect(c.efficiency).toBeLessThan(1.2);
    expect(c.ceiling).toBeGreaterThan(tg.avg_ts);
  });

  it('refuses a decode faster than the spec bandwidth allows, with the reason', () => {
    const c = checkLlamaRun({ ...tg, avg_ts: 400 });
    expect(c.refused).toMatch(/faster than its memory allows/);
  });

  it('refuses a decode far below the estimate band', () => {
    expect(checkLlamaRun({ ...tg, avg_ts: 10 }).refused).toMatch(/far outside the estimate's band/);
  });
});

describe('calibration from llama-bench runs', () => {
  it('fits η from the tg run on the matched device and says so', () => {
    const { calibration, deviceId, used } = calibrationFromLlamaRuns(runs);
    expect(deviceId).toBe('geforce-rtx-4090');
    expect(used).toBe(1);
    expect(calibration.eta).toBeGreaterThan(0.6);
    expect(calibration.eta).toBeLessThan(1);
    expect(calibration.source).toMatch(
      /llama-bench tg on GeForce RTX 4090: Llama 3.1 8B Q4_K_M 136\.2 tok\/s/,
    );
  });

  it('refuses to calibrate from impossible runs, naming them', () => {
    expect(() => calibrationFromLlamaRuns([{ ...tg, avg_ts: 400 }])).toThrow(/faster than its memory allows/);
  });
});

describe('schema version 3', () => {
  it('carries llama.cpp runs beside the WebGPU section, and still reads version 1', () => {
    const doc = parseResultDocument({ ...versionOne, schemaVersion: 3, llamaCpp: { benchRuns: runs } });
    expect(doc.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(doc.llamaCpp?.benchRuns).toHaveLength(2);
    expect(parseResultDocument(versionOne).llamaCpp).toBeUndefined();
    expect(() =>
      parseResultDocument({
        ...versionOne,
        schemaVersion: 3,
        llamaCpp: { benchRuns: [{ ...tg, n_gen: 1e9 }] },
      }),
    ).toThrow(/n_gen/);
  });
});
