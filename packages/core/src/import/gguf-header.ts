/**
 * @module import/gguf-header — reads a GGUF file's header (metadata and tensor infos) from the bytes of
 * its beginning, with the well-kept parser @huggingface/gguf, and turns it into an architecture plus the
 * exact tensor list. Works in the browser (a dropped file's first MiBs) and in Node alike: no fs, no network.
 */
import { gguf } from '@huggingface/gguf';
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { type GgmlType, ggmlTypeById, tensorBytes } from '../quant/ggml-types.js';
import { architectureFromGguf, type GgufMetadata } from './gguf-architecture.js';
import { fileTypeName } from './gguf-file-types.js';
import { tensorGroupOf } from './tensor-group.js';

export interface GgufModel {
  readonly architecture: ModelArchitecture;
  /** Every tensor with its exact shape, ggml type and bytes. */
  readonly tensors: QuantizedTensor[];
  /** `general.file_type` as a quant name (e.g. "Q4_K_M") when the header says. */
  readonly fileType?: string;
  /** Where tensor data starts: the header's size in bytes (of the first part, for a split file). */
  readonly headerBytes: number;
  /** The file size the header implies: header + tensor data (bytes; all parts of a split file together). */
  readonly fileBytes: number;
}

export interface GgufReadOptions {
  /** Display name; @default the header's `general.name` */
  readonly name?: string;
  /**
   * The whole file's size in bytes, when known (a dropped File's `size`). A header whose tensors need more
   * bytes than this is a truncated download and is rejected.
   */
  readonly fileBytes?: number;
}

/** What one part's header says. */
interface ParsedPart {
  readonly metadata: GgufMetadata;
  readonly tensors: (QuantizedTensor & { readonly offset: number })[];
  readonly headerBytes: number;
}

const FAKE_URI = 'https://gguf.invalid/model.gguf';
/**
 * The parser fetches 2 MB chunks, each once its read position is within 0.5 MB of the end (HTTP_CHUNK_SIZE,
 * HTTP_DATA_LEEWAY in @huggingface/gguf). A request starting this far past the bytes given means the header
 * runs past them: stop at once instead of parsing zeros.
 */
const BEYOND_MARGIN_BYTES = 4_000_000;
const BEYOND = new Error('read beyond the bytes given');

/** A fetch that serves byte ranges of an in-memory prefix, as the parser requests them. */
function prefixFetch(bytes: Uint8Array): typeof fetch {
  return (async (_input: unknown, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    const [, from = '0', to = '0'] = /bytes=(\d+)-(\d+)/.exec(range) ?? [];
    const start = Number(from);
    if (start > bytes.length + BEYOND_MARGIN_BYTES) throw BEYOND;
    const end = Math.min(Number(to) + 1, bytes.length);
    return new Response(start < end ? bytes.slice(start, end) : new Uint8Array(0), { status: 206 });
  }) as typeof fetch;
}

/** 64-bit metadata values arrive as bigint; the architecture code reads numbers. */
const toNumber = (v: unknown): unknown =>
  typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(toNumber) : v;

function truncated(bytesGiven: number): CliffbenchError {
  return new CliffbenchError(
    'invalid-gguf',
    `The GGUF header does not end within the ${bytesGiven} bytes given: pass more of the file (headers with a large tokenizer take 10-30 MiB), or the file is truncated or corrupt.`,
    { truncated: true, bytesGiven },
  );
}

function ggmlTypeOf(tensor: string, id: number): GgmlType {
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

async function parsePart(bytes: Uint8Array): Promise<ParsedPart> {
  if (bytes.length === 0)
    throw new CliffbenchError('invalid-gguf', 'No bytes given: pass the first MiBs of a .gguf file.');
  let parsed: Awaited<ReturnType<typeof gguf>>;
  try {
    parsed = await gguf(FAKE_URI, { fetch: prefixFetch(bytes) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (/magic number/i.test(why)) {
      throw new CliffbenchError(
        'invalid-gguf',
        'This is not a GGUF file: it does not start with the bytes "GGUF".',
      );
    }
    if (error === BEYOND || error instanceof RangeError || /chunk fetches/i.test(why))
      throw truncated(bytes.length);
    throw new CliffbenchError('invalid-gguf', `The GGUF header is corrupt: ${why}.`, { cause: why });
  }
  // Past the bytes given the parser reads zeros rather than failing: a header ending beyond them is cut off.
  if (parsed.tensorInfoByteRange[1] > bytes.length) throw truncated(bytes.length);
  const metadata = Object.fromEntries(Object.entries(parsed.metadata).map(([k, v]) => [k, toNumber(v)]));
  const tensors = parsed.tensorInfos.map((info) => {
    const type = ggmlTypeOf(info.name, Number(info.dtype));
    const shape = info.shape.map(Number);
    const layer = /^blk\.(\d+)\./.exec(info.name)?.[1];
    return {
      name: info.name,
      layer: layer === undefined ? null : Number(layer),
      group: tensorGroupOf(info.name),
      shape,
      elements: shape.reduce((a, b) => a * b, 1),
      type: type.name,
      bytes: tensorBytes(type, shape),
      offset: Number(info.offset),
    };
  });
  return { metadata, tensors, headerBytes: Number(parsed.tensorDataOffset) };
}

/** A dense FFN in a layer that also has routed experts is the always-active shared expert (Gemma 4 26B A4B). */
function withSharedExperts(tensors: readonly QuantizedTensor[]): QuantizedTensor[] {
  const moeLayers = new Set(tensors.filter((t) => t.group === 'experts').map((t) => t.layer));
  return tensors.map((t) =>
    t.group === 'ffn' && moeLayers.has(t.layer) ? { ...t, group: 'shared-expert' } : t,
  );
}

/** Header + tensor data, each tensor padded to `general.alignment` (32 by default) as the GGUF spec lays it out. */
function dataEnd(part: ParsedPart): number {
  const alignment = Number(part.metadata['general.alignment'] ?? 32);
  const end = Math.max(0, ...part.tensors.map((t) => t.offset + t.bytes));
  return part.headerBytes + Math.ceil(end / alignment) * alignment;
}

function modelOf(parts: readonly ParsedPart[], options: GgufReadOptions): GgufModel {
  const first = parts.find((p) => Number(p.metadata['split.no'] ?? 0) === 0) ?? (parts[0] as ParsedPart);
  const fileBytes = parts.reduce((a, p) => a + dataEnd(p), 0);
  if (options.fileBytes !== undefined && parts.length === 1 && fileBytes > options.fileBytes) {
    throw new CliffbenchError(
      'invalid-gguf',
      `The GGUF header lists tensors up to byte ${fileBytes}, but the file has ${options.fileBytes} bytes: it is truncated (an unfinished download?).`,
      { fileBytes: options.fileBytes, neededBytes: fileBytes },
    );
  }
  const tensors = withSharedExperts(parts.flatMap((p) => p.tensors.map(({ offset: _, ...t }) => t)));
  const fileTypeId = first.metadata['general.file_type'];
  const fileType = typeof fileTypeId === 'number' ? fileTypeName(fileTypeId) : undefined;
  const architecture = architectureFromGguf(first.metadata, tensors);
  return {
    architecture: options.name ? { ...architecture, name: options.name } : architecture,
    tensors,
    ...(fileType ? { fileType } : {}),
    headerBytes: first.headerBytes,
    fileBytes,
  };
}

/**
 * Reads the header of a GGUF file from its first bytes (the whole file is not needed: tokenizer and tensor
 * infos are typically < 20 MiB).
 * @throws CliffbenchError `invalid-gguf` naming what is wrong: not GGUF, truncated (`detail.truncated`: give
 *   more bytes), corrupt, one part of a split file (`detail.splitCount`: use `readSplitGgufHeaders`); or
 *   `unsupported-architecture`.
 */
export async function readGgufHeader(
  data: ArrayBuffer | Uint8Array,
  options: GgufReadOptions = {},
): Promise<GgufModel> {
  const part = await parsePart(data instanceof Uint8Array ? data : new Uint8Array(data));
  const splitCount = Number(part.metadata['split.count'] ?? 1);
  if (splitCount > 1) {
    const splitNo = Number(part.metadata['split.no'] ?? 0);
    throw new CliffbenchError(
      'invalid-gguf',
      `This is part ${splitNo + 1} of a GGUF split into ${splitCount} files (…-0000${splitNo + 1}-of-…); each part lists only its own tensors. Give the first MiBs of all ${splitCount} parts together.`,
      { splitCount, splitNo },
    );
  }
  return modelOf([part], options);
}

/**
 * Reads a GGUF split into parts (`…-00001-of-00003.gguf`, llama-gguf-split): the first MiBs of every part, in
 * any order. The metadata comes from part 1; the tensors from all parts.
 * @throws CliffbenchError `invalid-gguf` when parts are missing, repeated or from different splits.
 */
export async function readSplitGgufHeaders(
  data: readonly (ArrayBuffer | Uint8Array)[],
  options: GgufReadOptions = {},
): Promise<GgufModel> {
  const parts = await Promise.all(
    data.map((d) => parsePart(d instanceof Uint8Array ? d : new Uint8Array(d))),
  );
  const counts = new Set(parts.map((p) => Number(p.metadata['split.count'] ?? 1)));
  const numbers = parts.map((p) => Number(p.metadata['split.no'] ?? 0)).sort((a, b) => a - b);
  const count = [...counts][0] ?? 0;
  if (counts.size !== 1 || count !== parts.length || numbers.some((n, i) => n !== i)) {
    throw new CliffbenchError(
      'invalid-gguf',
      `These ${parts.length} files are not the complete parts of one split GGUF (parts found: ${numbers.map((n) => n + 1).join(', ')} of ${[...counts].join('/')}).`,
      { parts: numbers.map((n) => n + 1), splitCount: [...counts] },
    );
  }
  return modelOf(parts, options);
}
