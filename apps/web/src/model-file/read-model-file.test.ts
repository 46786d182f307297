import { CliffbenchError, catalogConfig, type GgufModel, models } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { FIRST_READ_BYTES, type GgufReader, readModelFile } from './read-model-file.js';

const MIB = 2 ** 20;
const gemma31b = models.find((m) => m.id === 'gemma-4-31b')!;

const named = (parts: BlobPart[], name: string) => new File(parts, name);

/** A header reader that needs `needed` bytes and records how many it was given each time. */
function stubReader(needed: number): { read: GgufReader; calls: number[] } {
  const calls: number[] = [];
  const read: GgufReader = async (bytes) => {
    calls.push(bytes.length);
    if (bytes.length < needed) {
      throw new CliffbenchError('invalid-gguf', 'header runs past the bytes given', { truncated: true });
    }
    return { architecture: gemma31b, tensors: [], fileType: 'Q4_K_M' } as unknown as GgufModel;
  };
  return { read, calls };
}

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

  it('reads a GGUF header from a prefix, doubling it until the header ends', async () => {
    const { read, calls } = stubReader(20 * MIB);
    const m = await readModelFile(named([new Uint8Array(40 * MIB)], 'model.gguf'), read);
    expect(calls).toEqual([FIRST_READ_BYTES, 2 * FIRST_READ_BYTES]);
    expect(m.kind === 'gguf' && m.bytesRead).toBe(2 * FIRST_READ_BYTES);
    expect(m.kind === 'gguf' && m.fileType).toBe('Q4_K_M');
  });

  it('stops at the end of the file when the header never ends', async () => {
    const { read, calls } = stubReader(Number.POSITIVE_INFINITY);
    const file = named([new Uint8Array(20 * MIB)], 'broken.gguf');
    await expect(readModelFile(file, read)).rejects.toThrow(/past the bytes given/);
    expect(calls).toEqual([FIRST_READ_BYTES, 20 * MIB]);
  });

  it('recognises a GGUF by its magic bytes whatever its name', async () => {
    const { read, calls } = stubReader(0);
    const bytes = new Uint8Array(1024);
    bytes.set([0x47, 0x47, 0x55, 0x46]);
    const m = await readModelFile(named([bytes], 'download'), read);
    expect(m.kind).toBe('gguf');
    expect(calls).toEqual([1024]);
  });
});
