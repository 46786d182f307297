import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../test/cli.js';
import { ggufFixture } from '../../test/gguf-files.js';
import { GEMMA3_KEYS, GEMMA4_KEYS, mmprojFixture } from '../../test/mmproj-files.js';
import { type RangeServer, startRangeServer } from '../../test/range-server.js';
import { mmprojFromArgument } from './model-files.js';

let dir: string;
let server: RangeServer;
const gemma4 = mmprojFixture(GEMMA4_KEYS, 4);
const gemma3 = mmprojFixture(GEMMA3_KEYS, 3);
const path = (name: string) => join(dir, name);
const RUN = ['estimate', '-m', 'gemma-4-31b', '-d', 'rtx 4090', '--json'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cliffbench-mmproj-'));
  writeFileSync(path('mmproj-gemma4.gguf'), gemma4.bytes);
  writeFileSync(path('model.gguf'), ggufFixture('llama-2-7b').bytes);
  writeFileSync(path('cut.gguf'), gemma4.bytes.subarray(0, 300));
  server = await startRangeServer();
  server.files.set('acme/gemma-3-GGUF/mmproj-F16.gguf', gemma3);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

const json = (out: string) => JSON.parse(out) as { memory: { deviceBytes: number }; basis: string };

describe('--mmproj FILE and --images N', () => {
  it("load the file's size on the GPU and its tokens per image into the prompt", async () => {
    const text = await cli(RUN);
    const vision = await cli([...RUN, '--mmproj', path('mmproj-gemma4.gguf'), '--images', '2']);
    expect(vision.err).toBe('');
    expect(vision.code).toBe(0);
    const [t, v] = [json(text.out), json(vision.out)];
    expect(v.memory.deviceBytes - t.memory.deviceBytes).toBeCloseTo(gemma4.size, -3);
    expect(v.basis).toContain(`read from ${path('mmproj-gemma4.gguf')}`);
    expect(v.basis).toMatch(/2 images × 280 tokens = 560 prompt tokens/);
  });

  it('tune names the projector file and where it sits in the llama-server command', async () => {
    const file = path('mmproj-gemma4.gguf');
    const on = await cli(['tune', '-m', 'gemma-4-31b', '-d', 'rtx 4090', '--mmproj', file, '--json']);
    const off = await cli([
      ...['tune', '-m', 'gemma-4-31b', '-d', 'rtx 4090', '--mmproj', file, '--no-mmproj-offload', '--json'],
    ]);
    const server = (out: string) =>
      (JSON.parse(out) as { configurations: { commands: { llamaServer: string } }[] }).configurations[0]
        ?.commands.llamaServer;
    expect(server(on.out)).toMatch(
      new RegExp(` --mmproj ${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    expect(server(off.out)).toMatch(/ --mmproj \S+ --no-mmproj-offload$/);
  });

  it('--image-tokens and --no-mmproj-offload', async () => {
    const r = await cli([
      ...RUN,
      '--mmproj',
      path('mmproj-gemma4.gguf'),
      '--images',
      '3',
      '--image-tokens',
      '70',
      '--no-mmproj-offload',
    ]);
    expect(json(r.out).basis).toMatch(
      /in RAM, read from .*3 images × 70 tokens = 210 prompt tokens \(70 an image, as given\)/,
    );
  });

  it('refuses a model file, a cut header and a missing file, with the reason', async () => {
    const model = await cli([...RUN, '--mmproj', path('model.gguf')]);
    expect(model.code).toBe(1);
    expect(model.err).toMatch(
      /model\.gguf is a GGUF but not a vision projector \(mmproj\): it has no clip\.\* keys \(it is a "llama" model file\)/,
    );
    const cut = await cli([...RUN, '--mmproj', path('cut.gguf')]);
    expect(cut.err).toMatch(/cut\.gguf: the GGUF header is cut short/);
    const missing = await cli([...RUN, '--mmproj', path('nothing.gguf')]);
    expect(missing.err).toMatch(
      /No file ".*nothing\.gguf": --mmproj takes the projector's \.gguf, its URL, hf:OWNER\/REPO\/FILE\.gguf, or "auto"/,
    );
  });

  it('images on a text-only model without a projector are refused', async () => {
    const r = await cli(['estimate', '-m', 'llama-3-8b', '-d', 'rtx 4090', '--images', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 image needs a vision projector, and cliffbench knows none for Llama 3 8B/);
  });

  it('reads a projector on the Hub by HTTP Range', async () => {
    const lines: string[] = [];
    const m = await mmprojFromArgument(
      'hf:acme/gemma-3-GGUF/mmproj-F16.gguf',
      { HF_ENDPOINT: server.url },
      (l) => lines.push(l),
    );
    expect(m.bytes).toBe(gemma3.size);
    expect(m.imageTokens).toBe(256);
    expect(lines[0]).toMatch(
      /^note: read the mmproj header of hf:acme\/gemma-3-GGUF\/mmproj-F16\.gguf by HTTP Range/,
    );
  });

  it('a batch line names its projector file', async () => {
    const file = path('mmproj-gemma4.gguf');
    const lines = [
      JSON.stringify({
        id: 'a',
        model: 'gemma-4-31b',
        quant: 'Q4_K_M',
        device: 'rtx 4090',
        mmproj: file,
        images: 1,
      }),
      JSON.stringify({
        id: 'b',
        model: 'gemma-4-31b',
        quant: 'Q4_K_M',
        device: 'rtx 4090',
        mmproj: path('model.gguf'),
      }),
    ].join('\n');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const r = await cli(['estimate', '--batch', 'in.jsonl'], { 'in.jsonl': lines });
      const [a, b] = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { basis?: string; error?: string });
      expect(a?.basis).toMatch(/read from .*1 images? × 280 tokens/);
      expect(b?.error).toMatch(/not a vision projector/);
    } finally {
      stderr.mockRestore();
    }
  });
});
