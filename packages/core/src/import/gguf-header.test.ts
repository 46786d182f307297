import { describe, expect, it } from 'vitest';
import { type GgufValue, writeGguf } from '../../test/gguf-writer.js';
import {
  CliffbenchError,
  findModel,
  findQuant,
  ggmlType,
  type ModelArchitecture,
  quantizeTensors,
  readGgufHeader,
  tensorsOf,
} from '../index.js';

/** A GGUF header for a catalog model quantised with a mix, with the metadata llama.cpp writes. */
function ggufOf(arch: ModelArchitecture, ggufArch: string, extra: Record<string, GgufValue> = {}) {
  const tensors = quantizeTensors(tensorsOf(arch), findQuant('Q4_K_M'), arch);
  const meta: Record<string, GgufValue> = {
    'general.architecture': ggufArch,
    'general.name': arch.name,
    'general.file_type': 15,
    [`${ggufArch}.block_count`]: arch.layers.length,
    [`${ggufArch}.embedding_length`]: arch.hiddenSize,
    [`${ggufArch}.context_length`]: arch.maxContext,
    [`${ggufArch}.attention.head_count`]: arch.layers[0]?.headCount ?? 0,
    [`${ggufArch}.attention.head_count_kv`]: arch.layers.map((l) => l.kvHeadCount),
    ...extra,
  };
  const infos = tensors.map((t) => ({ name: t.name, shape: t.shape, typeId: ggmlType(t.type).id }));
  return { bytes: writeGguf(meta, infos), tensors };
}

async function errorOf(p: Promise<unknown>): Promise<CliffbenchError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error('expected a CliffbenchError');
}

describe('readGgufHeader', () => {
  it('reads back the architecture and exact tensors of a Llama file', async () => {
    const arch = findModel('llama-2-7b');
    const { bytes, tensors } = ggufOf(arch, 'llama');
    const model = await readGgufHeader(bytes);
    expect(model.fileType).toBe('Q4_K_M');
    expect(model.tensors.map((t) => [t.name, t.type, t.bytes, t.group])).toEqual(
      tensors.map((t) => [t.name, t.type, t.bytes, t.group]),
    );
    expect(model.architecture.layers).toEqual(arch.layers);
    expect(model.architecture.vocabSize).toBe(32000);
    expect(model.architecture.tiedEmbeddings).toBe(false);
  });

  it('recovers Gemma 4 per-layer geometry: sliding pattern, K=V globals, MoE with a shared MLP', async () => {
    const arch = findModel('gemma-4-26b-a4b');
    const { bytes } = ggufOf(arch, 'gemma4', {
      'gemma4.attention.sliding_window': 1024,
      'gemma4.attention.sliding_window_pattern': arch.layers.map((l) => l.attention === 'sliding'),
      'gemma4.expert_used_count': 8,
    });
    const model = await readGgufHeader(bytes);
    expect(model.architecture.layers).toEqual(arch.layers);
    expect(model.architecture.slidingWindow).toBe(1024);
    expect(model.architecture.tiedEmbeddings).toBe(true);
    expect(model.tensors.find((t) => t.name === 'blk.0.ffn_up.weight')?.group).toBe('shared-expert');
  });

  it('says when the bytes given end before the header does', async () => {
    const { bytes } = ggufOf(findModel('llama-2-7b'), 'llama');
    const e = await errorOf(readGgufHeader(bytes.subarray(0, 2000)));
    expect(e.code).toBe('invalid-gguf');
    expect(e.message).toMatch(/first 2000 bytes/);
  });

  it('rejects a file that is not GGUF', async () => {
    const e = await errorOf(readGgufHeader(new TextEncoder().encode('{"model_type": "llama"}')));
    expect(e.code).toBe('invalid-gguf');
    expect(e.message).toMatch(/not a GGUF file/);
  });

  it('names the missing metadata key', async () => {
    const arch = findModel('llama-2-7b');
    const infos = tensorsOf(arch).map((t) => ({ name: t.name, shape: t.shape, typeId: 1 }));
    const e = await errorOf(readGgufHeader(writeGguf({ 'general.architecture': 'llama' }, infos)));
    expect(e.detail.field).toBe('llama.block_count');
  });

  it('rejects an architecture it cannot model', async () => {
    const e = await errorOf(readGgufHeader(writeGguf({ 'general.architecture': 'rwkv7' }, [])));
    expect(e.code).toBe('unsupported-architecture');
  });

  it('rejects a corrupt header without crashing', async () => {
    const { bytes } = ggufOf(findModel('llama-2-7b'), 'llama');
    const corrupt = bytes.slice();
    corrupt.fill(0xff, 24, 40); // the first key's length becomes absurd
    const e = await errorOf(readGgufHeader(corrupt));
    expect(e.code).toBe('invalid-gguf');
  });
});
