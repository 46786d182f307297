/**
 * The published multi-GPU rows (test/fixtures/validation-multigpu.jsonl, read by scripts/validate-multigpu.ts):
 * every row names its source and measures decode or prefill, resolves and estimates without error; the fit has
 * rows to fit and rows held out. Accuracy is a printed figure (`npm run validate:multigpu`), deliberately not
 * asserted here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { estimateResolved, resolveScenario, type ScenarioInput } from '../index.js';

const path = fileURLToPath(new URL('../../test/fixtures/validation-multigpu.jsonl', import.meta.url));
const rows = readFileSync(path, 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map(
    (line) =>
      JSON.parse(line) as Record<string, unknown> & {
        id: string;
        measured: {
          decodeTokensPerSecond?: number;
          prefillTokensPerSecond?: number;
          source: string;
          heldOut?: boolean;
          singleGpu?: { decodeTokensPerSecond?: number; prefillTokensPerSecond?: number; device: string };
        };
      },
  );

describe('multi-GPU validation fixture', () => {
  it('has rows with unique ids', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('names two cards or more and a split mode in every row', () => {
    for (const r of rows) {
      const n = Array.isArray(r.devices)
        ? r.devices.length
        : Number(/^\s*(\d+)\s*[x×]/i.exec(String(r.device))?.[1] ?? 1);
      expect(n, r.id).toBeGreaterThanOrEqual(2);
      expect(['layer', 'row', 'tensor'], r.id).toContain(r.splitMode);
    }
  });

  it('cites a source URL and a positive measured decode or prefill speed in every row', () => {
    for (const r of rows) {
      expect(r.measured.source, r.id).toMatch(/^https?:\/\/\S+/);
      const speeds = [r.measured.decodeTokensPerSecond, r.measured.prefillTokensPerSecond].filter(
        (x) => x !== undefined,
      );
      expect(speeds.length, r.id).toBeGreaterThan(0);
      for (const x of speeds) expect(x, r.id).toBeGreaterThan(0);
    }
  });

  it('keeps decode rows to fit (all three split modes) and decode rows held out', () => {
    const decode = rows.filter((r) => r.measured.decodeTokensPerSecond !== undefined);
    const fit = decode.filter((r) => r.measured.heldOut !== true);
    expect(new Set(fit.map((r) => r.splitMode))).toEqual(new Set(['layer', 'row', 'tensor']));
    expect(decode.length - fit.length).toBeGreaterThanOrEqual(10);
  });

  it('gives a single-card reference only for the figure the row measures', () => {
    for (const r of rows) {
      const one = r.measured.singleGpu;
      if (one === undefined) continue;
      if (one.decodeTokensPerSecond !== undefined)
        expect(r.measured.decodeTokensPerSecond, r.id).toBeDefined();
      if (one.prefillTokensPerSecond !== undefined)
        expect(r.measured.prefillTokensPerSecond, r.id).toBeDefined();
    }
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s resolves and estimates', (_id, r) => {
    const { measured: _measured, ...scenario } = r;
    const e = estimateResolved(resolveScenario(scenario as unknown as ScenarioInput), { advice: false });
    expect(Number.isFinite(e.decodeTokensPerSecond)).toBe(true);
    expect(e.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(e.prefillTokensPerSecond).toBeGreaterThan(0);
  });
});
