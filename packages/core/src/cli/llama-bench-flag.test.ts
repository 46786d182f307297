import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';

const bench = readFileSync(new URL('../result/fixtures/llama-bench-4090.json', import.meta.url), 'utf8');
const seed = ['-m', 'llama-3.1-8b', '-q', 'Q4_K_M', '-d', 'rtx 4090'];

describe('--llama-bench FILE', () => {
  it('calibrates estimate, tune and curve from llama-bench -o json output', async () => {
    const spec = JSON.parse((await cli(['estimate', ...seed, '--json'])).out);
    const run = await cli(['estimate', ...seed, '--llama-bench', 'b.json', '--json'], { 'b.json': bench });
    expect(run.code).toBe(0);
    const e = JSON.parse(run.out);
    expect(e.basis).toMatch(/llama-bench tg on GeForce RTX 4090/);
    expect(e.decodeTokensPerSecond).not.toBeCloseTo(spec.decodeTokensPerSecond, 3);
    expect(Math.abs(e.decodeTokensPerSecond - 136.2)).toBeLessThan(
      Math.abs(spec.decodeTokensPerSecond - 136.2),
    );
    for (const command of ['tune', 'curve']) {
      const other = await cli([command, ...seed, '--llama-bench', 'b.json'], { 'b.json': bench });
      expect(other.code, other.err).toBe(0);
    }
  });

  it('reads -o jsonl and refuses an impossible run with the reason', async () => {
    const jsonl = (JSON.parse(bench) as unknown[]).map((r) => JSON.stringify(r)).join('\n');
    expect((await cli(['estimate', ...seed, '--llama-bench', 'b.jsonl'], { 'b.jsonl': jsonl })).code).toBe(0);
    const fast = (JSON.parse(bench) as Record<string, unknown>[]).map((r) => ({ ...r, avg_ts: 900 }));
    const bad = await cli(['estimate', ...seed, '--llama-bench', 'f.json'], {
      'f.json': JSON.stringify(fast),
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/faster than its memory allows/);
  });
});
