import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from './gpu-checks.js';

const script = fileURLToPath(new URL('./gpu-checks.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
let results: Map<string, CheckResult>;

beforeAll(() => {
  const out = execFileSync(process.execPath, [tsx, '--conditions=source', script], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  results = new Map(
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as CheckResult)
      .map((r) => [r.name, r]),
  );
}, 130_000);

const passed = (name: string) => {
  const r = results.get(name);
  expect(r, `check "${name}" did not run`).toBeDefined();
  expect(r?.error).toBeUndefined();
  expect(r?.ok).toBe(true);
  return r?.detail as { dispatches: number; bytes: number };
};

describe('GEMV kernels on Dawn (SwiftShader without a GPU)', () => {
  for (const f of ['f32', 'f16', 'q8_0', 'q4_0', 'q4_k']) {
    it(`matches the CPU reference for ${f} on a regular shape`, () => {
      passed(`${f} regular`);
    });
    it(`matches the CPU reference for ${f} when rows are not a multiple of the workgroup's rows and the last block is partial`, () => {
      passed(`${f} awkward`);
    });
    it(`matches the CPU reference for ${f} with the matrix split across bindings`, () => {
      expect(passed(`${f} split`).dispatches).toBeGreaterThan(1);
    });
  }

  it('reads the GGUF bytes per weight of each layout', () => {
    const perWeight = (f: string) => (passed(`${f} bytes`).bytes - 4 * (64 + 4096)) / (64 * 4096);
    expect(perWeight('q4_0')).toBeCloseTo(18 / 32, 10);
    expect(perWeight('q8_0')).toBeCloseTo(34 / 32, 10);
    expect(perWeight('q4_k')).toBeCloseTo(144 / 256, 10);
    expect(perWeight('f16')).toBe(2);
    expect(perWeight('f32')).toBe(4);
  });

  it('checks the streaming read against the XOR of its data, also across bindings', () => {
    expect(passed('stream split')).toEqual({ dispatches: 5, bytes: 300 * 1024 });
  });

  it('says what is missing when there is no WebGPU', () => {
    expect(passed('no webgpu')).toEqual({ code: 'no-webgpu' });
  });
});
