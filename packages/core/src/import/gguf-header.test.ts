import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import { type GgufValue, ggufMetadataOf, writeGguf } from '../../test/gguf-writer.js';
import {
  CliffbenchError,
  findModel,
  findQuant,
  ggmlType,
  type ModelArchitecture,
  models,
  quantizeTensors,
  readGgufHeader,
  readSplitGgufHeaders,
  tensorsOf,
} from '../index.js';
import { readGgufSources } from './gguf-header.js';
import { blobSource, bytesSource } from './gguf-source.js';

/** A GGUF header for a catalog model quantised with a mix, with the metadata llama.cpp writes. */
function ggufOf(arch: ModelArchitecture, extra: Record<string, GgufValue> = {}, quant = 'Q4_K_M') {
  const tensors = quantizeTensors(tensorsOf(arch), findQuant(quant), arch);
  const { metadata } = ggufMetadataOf(arch);
  const infos = tensors.map((t) => ({
    name: t.name,
    shape: t.shape,
    typeId: ggmlType(t.type).id,
    bytes: t.bytes,
  }));
  return { bytes: writeGguf({ ...metadata, 'general.file_type': 15, ...extra }, infos), tensors };
}

const llama = findModel('llama-2-7b');

describe('readGgufHeader', () => {
  it('reads back the architecture and exact tensors of a Llama file', async () => {
    const { bytes, tensors } = ggufOf(llama);
    const model = await readGgufHeader(bytes);
    expect(model.fileType).toBe('Q4_K_M');
    expect(model.tensors.map((t) => [t.name, t.type, t.bytes, t.group])).toEqual(
      tensors.map((t) => [t.name, t.type, t.bytes, t.group]),
    );
    expect(model.architecture.layers).toEqual(llama.layers);
    expect(model.architecture.vocabSize).toBe(32000);
    expect(model.architecture.tiedEmbeddings).toBe(false);
  });

  it('recovers every catalog architecture from the header its tensors make', async () => {
    for (const arch of models) {
      const model = await readGgufHeader(ggufOf(arch).bytes);
      expect(model.architecture.layers, arch.id).toEqual(arch.layers);
      const { id: _i, name: _n, source: _s, modelType: _m, family: _f, ropeScaling: _r, ...rest } = arch;
      expect(model.architecture, arch.id).toMatchObject(rest);
      expect(
        model.tensors.map((t) => t.group),
        arch.id,
      ).toEqual(tensorsOf(arch).map((t) => t.group));
    }
  });

  it('reports the file size the header implies: header plus 32-aligned tensor data', async () => {
    const { bytes, tensors } = ggufOf(llama);
    const model = await readGgufHeader(bytes);
    const data = tensors.reduce((a, t) => a + 32 * Math.ceil(t.bytes / 32), 0);
    expect(model.headerBytes).toBe(bytes.length);
    expect(model.fileBytes).toBe(bytes.length + data);
  });

  it('estimates a file shorter than its tensors need (an unfinished download) with a warning', async () => {
    const { bytes } = ggufOf(llama);
    const whole = await readGgufHeader(bytes);
    expect(whole.warnings).toEqual([]);
    // The last tensor's padding may be absent from a file: only the bytes the tensors need count.
    const needed = whole.fileBytes - ((32 - (whole.tensors.at(-1)!.bytes % 32)) % 32);
    await expect(readGgufHeader(bytes, { fileBytes: needed })).resolves.toMatchObject({ warnings: [] });
    const oneShort = await readGgufHeader(bytes, { fileBytes: needed - 1 });
    expect(oneShort.warnings).toEqual([
      `The file has ${needed - 1} bytes of the ${needed} bytes its header describes (header plus tensor data): the tensor data is incomplete (an unfinished download or a header-only copy). Estimated from the header, which lists every tensor.`,
    ]);
    const half = await readGgufHeader(bytes, { fileBytes: 2e9 });
    expect(half.tensors).toEqual(whole.tensors);
    expect(half.warnings[0]).toMatch(/^The file has 2\.00 GB of the 4\.08 GB its header describes/);
  });

  it('names file types it has no mix for and takes a display name', async () => {
    const model = await readGgufHeader(ggufOf(llama, { 'general.file_type': 29 }).bytes, {
      name: 'My Llama',
    });
    expect(model.fileType).toBe('IQ2_M');
    expect(model.architecture.name).toBe('My Llama');
  });

  it('reads 64-bit metadata integers', async () => {
    const { bytes } = ggufOf(llama, { 'llama.block_count': 32n, 'llama.embedding_length': 4096n });
    expect((await readGgufHeader(bytes)).architecture.layers).toHaveLength(32);
  });

  it('says when the bytes given end before the tensor infos do, at any cut', async () => {
    const { bytes } = ggufOf(llama, {
      'tokenizer.ggml.tokens': Array.from({ length: 3000 }, (_, i) => `t${i}`),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: bytes.length - 32 }), async (cut) => {
        const e = await errorOf(readGgufHeader(bytes.subarray(0, cut)));
        expect(e.code).toBe('invalid-gguf');
        expect(e.detail.truncated).toBe(true);
        expect(e.message).toContain(`${cut} bytes given`);
      }),
      { numRuns: 40 },
    );
  });

  it('turns any corruption into an invalid-gguf error or a parse, never a crash', async () => {
    const { bytes } = ggufOf(llama);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: bytes.length - 8 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        async (at, noise) => {
          const corrupt = bytes.slice();
          corrupt.set(noise, at);
          try {
            await readGgufHeader(corrupt);
          } catch (error) {
            expect(error).toBeInstanceOf(CliffbenchError);
            expect(['invalid-gguf', 'unsupported-architecture']).toContain((error as CliffbenchError).code);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects a file that is not GGUF, and no bytes at all', async () => {
    const e = await errorOf(readGgufHeader(new TextEncoder().encode('{"model_type": "llama"}')));
    expect(e.message).toMatch(/not a GGUF file/);
    expect((await errorOf(readGgufHeader(new Uint8Array(0)))).code).toBe('invalid-gguf');
  });

  it('names the missing metadata key', async () => {
    const infos = tensorsOf(llama).map((t) => ({ name: t.name, shape: t.shape, typeId: 1 }));
    const e = await errorOf(readGgufHeader(writeGguf({ 'general.architecture': 'llama' }, infos)));
    expect(e.detail.field).toBe('llama.block_count');
  });

  it('rejects an architecture it cannot model', async () => {
    const e = await errorOf(readGgufHeader(writeGguf({ 'general.architecture': 'rwkv7' }, [])));
    expect(e.code).toBe('unsupported-architecture');
  });
});

describe('readSplitGgufHeaders', () => {
  /** Splits a catalog model's tensors into parts the way llama-gguf-split does: metadata in part 1. */
  function splitOf(arch: ModelArchitecture, count: number): Uint8Array[] {
    const tensors = quantizeTensors(tensorsOf(arch), findQuant('Q8_0'), arch);
    const { metadata } = ggufMetadataOf(arch);
    const per = Math.ceil(tensors.length / count);
    return Array.from({ length: count }, (_, i) => {
      const mine = tensors.slice(i * per, (i + 1) * per);
      const split = { 'split.no': i, 'split.count': count, 'split.tensors.count': tensors.length };
      const infos = mine.map((t) => ({
        name: t.name,
        shape: t.shape,
        typeId: ggmlType(t.type).id,
        bytes: t.bytes,
      }));
      return writeGguf(i === 0 ? { ...metadata, ...split } : split, infos);
    });
  }

  it('merges the tensors of every part, in any order', async () => {
    const parts = splitOf(llama, 3);
    const model = await readSplitGgufHeaders([parts[2], parts[0], parts[1]] as Uint8Array[]);
    expect(model.tensors.map((t) => t.name).sort()).toEqual(
      tensorsOf(llama)
        .map((t) => t.name)
        .sort(),
    );
    expect(model.architecture.layers).toEqual(llama.layers);
  });

  it('asks for all parts when given only one, and rejects an incomplete set', async () => {
    const parts = splitOf(llama, 3);
    const one = await errorOf(readGgufHeader(parts[0] as Uint8Array));
    expect(one.detail.splitCount).toBe(3);
    const two = await errorOf(readSplitGgufHeaders(parts.slice(0, 2)));
    expect(two.code).toBe('invalid-gguf');
    expect(two.detail.parts).toEqual([1, 2]);
  });
});

describe('readGgufSources', () => {
  it('reads a Blob 2 MB at a time, only as far as the header goes', async () => {
    const { bytes } = ggufOf(llama);
    const file = new File([bytes, new Uint8Array(30 * 2 ** 20)], 'llama.gguf');
    const source = blobSource(file);
    const model = await readGgufSources([source]);
    expect(model.tensors).toEqual((await readGgufHeader(bytes)).tensors);
    expect(source.bytesRead).toBe(2_000_000);
    expect(model.bytesRead).toBe(2_000_000);
    // Header plus 30 MiB of a 3.7 GB model's data: estimated, with the warning.
    expect(model.warnings[0]).toMatch(/^llama\.gguf has 31 MB of the 4\.08 GB its header describes/);
  });

  it('refuses parts of two different splits, by split.tensors.count', async () => {
    const split = (extra: Record<string, GgufValue>, count: number, no: number) =>
      bytesSource(
        writeGguf(
          { ...(no === 0 ? ggufMetadataOf(llama).metadata : {}), 'split.no': no, 'split.count': 2, ...extra },
          tensorsOf(llama)
            .slice(no * count, (no + 1) * count)
            .map((t) => ({ name: t.name, shape: t.shape, typeId: 8 })),
        ),
        `part${no + 1}.gguf`,
      );
    const n = tensorsOf(llama).length;
    const half = Math.ceil(n / 2);
    const ok = await readGgufSources([
      split({ 'split.tensors.count': n }, half, 0),
      split({ 'split.tensors.count': n }, half, 1),
    ]);
    expect(ok.parts).toBe(2);
    const e = await errorOf(
      readGgufSources([
        split({ 'split.tensors.count': n }, half, 0),
        split({ 'split.tensors.count': n }, 10, 1),
      ]),
    );
    expect(e.message).toBe(
      `The 2 parts list ${half + 10} tensors together, but their split.tensors.count says ${n}: the parts come from different splits.`,
    );
  });
});
