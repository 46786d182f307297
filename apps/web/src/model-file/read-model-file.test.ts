import { catalogConfig, models } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { ggufFixture, splitGgufFixture } from '../../../../packages/core/test/gguf-files.js';
import { readModelFile, readModelFiles } from './read-model-file.js';

const MIB = 2 ** 20;
const gemma31b = models.find((m) => m.id === 'gemma-4-31b')!;

const named = (parts: BlobPart[], name: string) => new File(parts, name);
const bytesOf = (u: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(u);

describe('readModelFile', () => {
  it('reads a config.json into the same architecture the catalog builds from it', async () => {
    const file = named([JSON.stringify(catalogConfig('gemma-4-31b'))], 'config.json');
    const m = await readModelFile(file);
    expect(m.kind).toBe('config');
    expect(m.architecture.hiddenSize).toBe(gemma31b.hiddenSize);
    expect(m.architecture.layers).toHaveLength(gemma31b.layers.length);
  });

  it('says which file is not JSON and what it accepts', async () => {
    await expect(readModelFile(named(['{ nope'], 'notes.json'))).rejects.toThrow(
      /notes\.json is not valid JSON.*config\.json or a \.gguf/,
    );
  });

  it('reads a GGUF header 2 MB at a time, only as far as it goes, and warns when the data is incomplete', async () => {
    const gguf = ggufFixture('gemma-4-31b', 'Q4_K_M');
    const m = await readModelFile(named([bytesOf(gguf.bytes), new Uint8Array(40 * MIB)], 'model.gguf'));
    if (m.kind !== 'gguf') throw new Error('expected a GGUF');
    expect(m.bytesRead).toBe(2_000_000);
    expect(m.fileType).toBe('Q4_K_M');
    expect(m.tensors).toHaveLength(gguf.tensors.length);
    expect(m.fileBytes).toBe(gguf.bytes.length + 40 * MIB);
    expect(m.remote).toBe(false);
    expect(m.warnings).toEqual([
      `model.gguf has 42 MB of the ${(gguf.size / 1e9).toFixed(2)} GB its header describes (header plus tensor data): the tensor data is incomplete (an unfinished download or a header-only copy). Estimated from the header, which lists every tensor.`,
    ]);
  });

  it('refuses a header cut short, naming the file', async () => {
    const gguf = ggufFixture('llama-2-7b');
    await expect(readModelFile(named([bytesOf(gguf.bytes.subarray(0, 4000))], 'cut.gguf'))).rejects.toThrow(
      "cut.gguf: the GGUF header is cut short: it does not end within the file's 4000 bytes",
    );
  });

  it('recognises a GGUF by its magic bytes whatever its name', async () => {
    const gguf = ggufFixture('llama-2-7b');
    const m = await readModelFile(named([bytesOf(gguf.bytes)], 'download'));
    expect(m.kind).toBe('gguf');
  });
});

describe('readModelFiles', () => {
  const parts = splitGgufFixture('qwen3-8b', 'Q8_0', 3);
  const files = parts.map((p, i) => named([bytesOf(p.bytes)], `qwen3-8b-Q8_0-0000${i + 1}-of-00003.gguf`));

  it('reads every part of a split picked or dropped together, in any order', async () => {
    const m = await readModelFiles([files[2]!, files[0]!, files[1]!]);
    if (m.kind !== 'gguf') throw new Error('expected a GGUF');
    expect(m.parts).toBe(3);
    expect(m.fileName).toBe('qwen3-8b-Q8_0-00001-of-00003.gguf');
    expect(m.tensors).toHaveLength(parts.reduce((a, p) => a + p.tensors.length, 0));
    expect(m.warnings[0]).toMatch(/^Parts 1, 2 and 3 of 3 \(qwen3-8b-Q8_0-00001-of-00003\.gguf, /);
  });

  it('asks for the other parts when given one, and refuses a config among GGUFs', async () => {
    await expect(readModelFiles([files[0]!])).rejects.toThrow(
      'qwen3-8b-Q8_0-00001-of-00003.gguf is part 1 of a GGUF split into 3 files (…-00001-of-00003.gguf); each part lists only its own tensors. Give all 3 parts together (qwen3-8b-Q8_0-00001-of-00003.gguf, qwen3-8b-Q8_0-00002-of-00003.gguf, qwen3-8b-Q8_0-00003-of-00003.gguf).',
    );
    await expect(readModelFiles([files[0]!, named(['{}'], 'config.json')])).rejects.toThrow(
      /2 files given: drop one config\.json or \.gguf, or all the parts of one split \.gguf together/,
    );
  });
});
