/**
 * @module import/gguf-header — reads a GGUF file's header (metadata and tensor infos) from the bytes of
 * its beginning, with the well-kept parser @huggingface/gguf, and turns it into an architecture plus the
 * exact tensor list. Works in the browser (a dropped file's first MiBs) and in Node alike: no fs, no network.
 */
import { gguf } from '@huggingface/gguf';
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { ggmlTypeById, tensorBytes } from '../quant/ggml-types.js';
import { architectureFromGguf, type GgufMetadata } from './gguf-architecture.js';
import { tensorGroupOf } from './tensor-group.js';

export interface GgufModel {
  readonly architecture: ModelArchitecture;
  /** Every tensor with its exact shape, ggml type and bytes. */
  readonly tensors: QuantizedTensor[];
  /** `general.file_type` as a quant name (e.g. "Q4_K_M") when the header says. */
  readonly fileType?: string;
  /** Where tensor data starts: the header's size in bytes. */
  readonly headerBytes: number;
}

/** llama.cpp's `enum llama_ftype` (include/llama.h) → the names people use. */
const FILE_TYPES: Readonly<Record<number, string>> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  7: 'Q8_0',
  8: 'Q5_0',
  9: 'Q5_1',
  10: 'Q2_K',
  11: 'Q3_K_S',
  12: 'Q3_K_M',
  13: 'Q3_K_L',
  14: 'Q4_K_S',
  15: 'Q4_K_M',
  16: 'Q5_K_S',
  17: 'Q5_K_M',
  18: 'Q6_K',
  30: 'IQ4_XS',
  32: 'BF16',
  38: 'MXFP4',
};

const FAKE_URI = 'https://gguf.invalid/model.gguf';

/** A fetch that serves byte ranges of an in-memory prefix, as the parser requests them. */
function prefixFetch(bytes: Uint8Array, onBeyond: () => void): typeof fetch {
  return (async (_input: unknown, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    const [, from = '0', to = '0'] = /bytes=(\d+)-(\d+)/.exec(range) ?? [];
    const start = Number(from);
    const end = Math.min(Number(to) + 1, bytes.length);
    if (Number(to) + 1 > bytes.length) onBeyond();
    const body = start < end ? bytes.slice(start, end) : new Uint8Array(0);
    return new Response(body, { status: 206 });
  }) as typeof fetch;
}

/**
 * Reads the header of a GGUF file from its first bytes (the whole file is not needed: tokenizer and tensor
 * infos are typically < 20 MiB).
 * @throws CliffbenchError `invalid-gguf` naming what is wrong: not GGUF, truncated (give more bytes), corrupt.
 */
export async function readGgufHeader(data: ArrayBuffer | Uint8Array): Promise<GgufModel> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let beyond = false;
  let parsed: Awaited<ReturnType<typeof gguf>>;
  try {
    parsed = await gguf(FAKE_URI, { fetch: prefixFetch(bytes, () => (beyond = true)) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (/magic number/i.test(why)) {
      throw new CliffbenchError(
        'invalid-gguf',
        'This is not a GGUF file: it does not start with the bytes "GGUF".',
      );
    }
    if (beyond && /chunk fetches|out of bounds|RangeError/i.test(`${why} ${String(error)}`))
      throw truncated(bytes.length);
    throw new CliffbenchError('invalid-gguf', `The GGUF header is corrupt: ${why}.`, { cause: why });
  }
  // The parser reads past the end as zeros rather than failing: a header that ends beyond the bytes is cut off.
  if (Number(parsed.tensorDataOffset) > bytes.length) throw truncated(bytes.length);
  const metadata = parsed.metadata as unknown as GgufMetadata;
  const moeLayers = new Set(
    parsed.tensorInfos.filter((i) => i.name.includes('_exps.')).map((i) => /^blk\.(\d+)\./.exec(i.name)?.[1]),
  );
  const tensors = parsed.tensorInfos.map((info): QuantizedTensor => {
    const type = ggmlTypeOrThrow(info.name, Number(info.dtype));
    const shape = info.shape.map(Number);
    const layer = /^blk\.(\d+)\./.exec(info.name)?.[1];
    const group = tensorGroupOf(info.name);
    return {
      name: info.name,
      layer: layer === undefined ? null : Number(layer),
      // A dense FFN beside routed experts is the always-active shared expert (Gemma 4 26B A4B).
      group: group === 'ffn' && moeLayers.has(layer) ? 'shared-expert' : group,
      shape,
      elements: shape.reduce((a, b) => a * b, 1),
      type: type.name,
      bytes: tensorBytes(type, shape),
    };
  });
  const fileTypeId = metadata['general.file_type'];
  const fileType = typeof fileTypeId === 'number' ? FILE_TYPES[fileTypeId] : undefined;
  return {
    architecture: architectureFromGguf(metadata, tensors),
    tensors,
    ...(fileType ? { fileType } : {}),
    headerBytes: Number(parsed.tensorDataOffset),
  };
}

function truncated(bytesGiven: number): CliffbenchError {
  return new CliffbenchError(
    'invalid-gguf',
    `The GGUF header does not end within the first ${bytesGiven} bytes given: the file is truncated, or pass more of it.`,
    { truncated: true, bytesGiven },
  );
}

function ggmlTypeOrThrow(tensor: string, id: number) {
  try {
    return ggmlTypeById(id);
  } catch {
    throw new CliffbenchError(
      'invalid-gguf',
      `Tensor "${tensor}" has ggml type id ${id}, which cliffbench does not know.`,
      {
        tensor,
        typeId: id,
      },
    );
  }
}
