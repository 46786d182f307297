import { describe, expect, it } from 'vitest';
import type { TuneResult } from '../index.js';
import { runCli } from './run.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readText: () => '',
  });
  return { code, out, err };
}

const seed = ['--model', 'gemma-4-26b-a4b', '--device', 'rtx 3060 12gb', '--ram', '32', '--context', '32768'];

describe('cliffbench tune', () => {
  it('prints the configurations with a llama-server command for the best', async () => {
    const { code, out } = await cli('tune', ...seed);
    expect(code).toBe(0);
    expect(out).toMatch(/Gemma 4 26B A4B/);
    expect(out).toMatch(
      /llama-server:\s+llama-server -m gemma-4-26b-a4b-Q4_K_M\.gguf -c 32768 -ngl \d+ --n-cpu-moe \d+/,
    );
    expect(out).toMatch(/llama-bench:\s+llama-bench .* -ncmoe \d+/);
    expect(out).toMatch(/OLLAMA_FLASH_ATTENTION=1/);
  });

  it('writes the result as JSON with --json, the curve included with --curve', async () => {
    const { code, out } = await cli('tune', ...seed, '--json', '--curve', '--limit', '2');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as TuneResult & { curve: { points: unknown[]; chosenX?: number } };
    expect(parsed.configurations).toHaveLength(2);
    expect(parsed.requestedContextTokens).toBe(32768);
    expect(parsed.curve.points.length).toBeGreaterThan(1);
  });

  it('searches only the KV types and margin it is given', async () => {
    const { out } = await cli('tune', ...seed, '--json', '--kv', 'f16', '--margin', '2048');
    const parsed = JSON.parse(out) as TuneResult;
    expect(parsed.requestedMarginBytes).toBe(2048 * 2 ** 20);
    for (const c of parsed.configurations) expect(c.settings.kvCacheType).toBe('f16');
  });

  it('does not take the settings it chooses itself', async () => {
    const { code, err } = await cli('tune', ...seed, '--gpu-layers', '10');
    expect(code).toBe(2);
    expect(err).toMatch(/gpu-layers/);
  });

  it('rejects an unknown KV type and says which are accepted', async () => {
    const { code, err } = await cli('tune', ...seed, '--kv', 'q3_k');
    expect(code).toBe(1);
    expect(err).toMatch(/f16, q8_0 and q4_0/);
  });

  it('documents its flags in --help', async () => {
    const { code, out } = await cli('tune', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/--margin MIB/);
    expect(out).not.toMatch(/--gpu-layers/);
  });
});
