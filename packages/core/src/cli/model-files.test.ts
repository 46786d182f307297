import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../test/cli.js';
import { errorOf } from '../../test/errors.js';
import { ggufFixture, splitGgufFixture } from '../../test/gguf-files.js';
import { type RangeServer, startRangeServer } from '../../test/range-server.js';
import { batchModelResolver, modelFromArgument } from './model-files.js';

let dir: string;
let server: RangeServer;
const parts = splitGgufFixture('llama-2-7b', 'Q8_0', 3);
const whole = ggufFixture('llama-2-7b', 'Q4_K_M');
const partName = (i: number) => `llama-Q8_0-0000${i}-of-00003.gguf`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cliffbench-gguf-'));
  parts.forEach((p, i) => {
    writeFileSync(join(dir, partName(i + 1)), p.bytes);
  });
  writeFileSync(join(dir, 'header-only.gguf'), whole.bytes);
  writeFileSync(join(dir, 'llama-UD-Q4_K_XL.gguf'), whole.bytes);
  writeFileSync(join(dir, 'cut.gguf'), whole.bytes.subarray(0, 1000));
  server = await startRangeServer();
  server.files.set('acme/llama-GGUF/llama-Q4_K_M.gguf', whole);
  parts.forEach((p, i) => {
    server.files.set(`acme/llama-GGUF/${partName(i + 1)}`, p);
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('modelFromArgument: local GGUFs', () => {
  it('reads a split from its first part, any part, or the parts listed', async () => {
    const lines: string[] = [];
    const report = (l: string) => lines.push(l);
    const total = parts.reduce((a, p) => a + p.tensors.length, 0);
    for (const model of [
      join(dir, partName(1)),
      join(dir, partName(3)),
      [3, 1, 2].map((i) => join(dir, partName(i))).join(','),
    ]) {
      const { options } = await modelFromArgument(model, {}, report);
      expect(options?.tensors, model).toHaveLength(total);
      expect(options?.quantName).toBe('Q8_0');
    }
    // The parts are header-only copies: estimated, with one warning that says so.
    const names = [1, 2, 3].map(partName).join(', ');
    expect(lines).toHaveLength(3);
    expect(new Set(lines).size).toBe(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^warning: Parts 1, 2 and 3 of 3 \\(${names.replaceAll('.', '\\.')}\\) have \\d+ bytes of the \\d+\\.\\d\\d GB their headers describe \\(header plus tensor data\\): the tensor data is incomplete`,
      ),
    );
  });

  it('names the missing part of a split', async () => {
    const lonely = mkdtempSync(join(tmpdir(), 'cliffbench-gguf-'));
    writeFileSync(join(lonely, partName(1)), parts[0]?.bytes ?? new Uint8Array());
    writeFileSync(join(lonely, partName(3)), parts[2]?.bytes ?? new Uint8Array());
    const e = await errorOf(modelFromArgument(join(lonely, partName(1)), {}, () => {}));
    expect(e.message).toBe(
      `${join(lonely, partName(1))} is one of 3 parts of a split GGUF, but ${partName(2)} is not in ${lonely}: put every part in one folder, or give them all as --model PART1,PART2,….`,
    );
    writeFileSync(join(lonely, 'renamed.gguf'), parts[0]?.bytes ?? new Uint8Array());
    const renamed = await errorOf(modelFromArgument(join(lonely, 'renamed.gguf'), {}, () => {}));
    expect(renamed.message).toBe(
      `${join(lonely, 'renamed.gguf')} is part 1 of a GGUF split into 3 files (…-00001-of-00003.gguf); each part lists only its own tensors. Give all 3 parts together: --model PART1,PART2,….`,
    );
    rmSync(lonely, { recursive: true, force: true });
  });

  it('estimates a header-only file with a warning, and refuses a header cut short', async () => {
    const lines: string[] = [];
    const { options } = await modelFromArgument(join(dir, 'header-only.gguf'), {}, (l) => lines.push(l));
    expect(options?.tensors).toHaveLength(whole.tensors.length);
    expect(lines).toEqual([
      `warning: ${join(dir, 'header-only.gguf')} has ${whole.bytes.length} bytes of the ${(whole.size / 1e9).toFixed(2)} GB its header describes (header plus tensor data): the tensor data is incomplete (an unfinished download or a header-only copy). Estimated from the header, which lists every tensor.`,
    ]);
    const e = await errorOf(modelFromArgument(join(dir, 'cut.gguf'), {}, () => {}));
    expect(e.message).toBe(
      `${join(dir, 'cut.gguf')}: the GGUF header is cut short: it does not end within the file's 1000 bytes, so the file is truncated or corrupt (a download that stopped inside the header).`,
    );
  });
  it('names an Unsloth Dynamic file by its name, where the header only says its base mix', async () => {
    const plain = await modelFromArgument(join(dir, 'header-only.gguf'), {}, () => {});
    const dynamic = await modelFromArgument(join(dir, 'llama-UD-Q4_K_XL.gguf'), {}, () => {});
    expect(plain.options?.quantName).toBe('Q4_K_M');
    expect(dynamic.options?.quantName).toBe('UD-Q4_K_XL');
  });
});

describe('modelFromArgument and batches: remote GGUFs', () => {
  it('reads hf: paths at HF_ENDPOINT and says how little it fetched', async () => {
    const lines: string[] = [];
    const env = { HF_ENDPOINT: server.url };
    const { model, options } = await modelFromArgument('hf:acme/llama-GGUF:Q8_0', env, (l) => lines.push(l));
    expect(model).toBe('hf:acme/llama-GGUF:Q8_0');
    expect(options?.quantName).toBe('Q8_0');
    expect(lines[0]).toMatch(
      /^note: read the GGUF header of acme\/llama-GGUF\/llama-Q8_0-00001-of-00003\.gguf \(3 parts\) by HTTP Range: \d\.\d MB fetched of a \d+\.\d GB file$/,
    );
    const resolve = await batchModelResolver(
      [
        `{"model": "${server.url}/acme/llama-GGUF/resolve/main/llama-Q4_K_M.gguf", "device": "x"}`,
        '{"model": "hf:acme/llama-GGUF/missing.gguf"}',
      ],
      env,
      () => {},
    );
    expect(resolve(`${server.url}/acme/llama-GGUF/resolve/main/llama-Q4_K_M.gguf`)?.quantName).toBe('Q4_K_M');
    expect(() => resolve('hf:acme/llama-GGUF/missing.gguf')).toThrow(
      /was not found \(HTTP 404 EntryNotFound\)/,
    );
    expect(resolve('gemma-4-31b')).toBeUndefined();
  });

  it('runs `cliffbench estimate -m hf:…` end to end, its errors on one line', async () => {
    vi.stubEnv('HF_ENDPOINT', server.url);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const ok = await cli(['estimate', '-m', 'hf:acme/llama-GGUF:Q4_K_M', '-d', 'rtx 3060 12gb']);
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^Llama 2 7B · Q4_K_M \(/);
      const missing = await cli(['estimate', '-m', 'hf:acme/nothing:Q4_K_M', '-d', 'rtx 3060 12gb']);
      expect(missing.code).toBe(1);
      expect(missing.err).toBe(
        'cliffbench estimate: The model repository acme/nothing was not found (HTTP 404 RepoNotFound): check the repository and file name.\n',
      );
    } finally {
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
