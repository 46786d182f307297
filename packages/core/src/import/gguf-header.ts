/**
 * @module import/gguf-header — reads a GGUF file's header (metadata and tensor infos) with the well-kept parser
 * @huggingface/gguf, and turns it into an architecture plus the exact tensor list: from bytes in memory, or from
 * a source (gguf-source.ts: a Blob, a local file, a URL) read 2 MB at a time until the header ends. Split
 * GGUFs are read part by part and merged. Works in the browser and in Node alike: no fs; the network only
 * through a source.
 */
import { gguf } from '@huggingface/gguf';
import { CliffbenchError } from '../errors.js';
import type { ModelArchitecture } from '../model/architecture.js';
import type { QuantizedTensor } from '../model/tensors.js';
import { type GgmlType, ggmlTypeById, tensorBytes } from '../quant/ggml-types.js';
import { architectureFromGguf, type GgufMetadata } from './gguf-architecture.js';
import { ggufQuantName } from './gguf-file-types.js';
import { type ByteSource, bytesSource, splitNameOf, splitPartPaths } from './gguf-source.js';
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
  /** How many files the model is stored in (1, or the parts of a split GGUF). */
  readonly parts: number;
  /** Bytes read to get the header(s): from memory, disk or the network (all parts together). */
  readonly bytesRead: number;
  /** What the estimate should carry beside it, e.g. that the tensor data of the file is incomplete. */
  readonly warnings: readonly string[];
}

export interface GgufReadOptions {
  /** Display name; @default the header's `general.name` */
  readonly name?: string;
  /**
   * The whole file's size in bytes, when the bytes given are only its beginning (a dropped File's `size`).
   * A header whose tensors need more bytes than this is estimated with a warning that the data is missing
   * (an unfinished download, a header-only copy). Sources know their size and need no such option.
   */
  readonly fileBytes?: number;
}

/** What one part's header says. */
interface ParsedPart {
  readonly name: string;
  readonly metadata: GgufMetadata;
  readonly tensors: (QuantizedTensor & { readonly offset: number })[];
  readonly headerBytes: number;
  /** The part's real size, when known: the source's, or `fileBytes` given with a prefix. */
  readonly size: number | undefined;
  readonly bytesRead: number;
}

const FAKE_URI = 'https://gguf.invalid/model.gguf';
/**
 * The parser fetches 2 MB chunks, each once its read position is within 0.5 MB of the end (HTTP_CHUNK_SIZE,
 * HTTP_DATA_LEEWAY in @huggingface/gguf): that is the one growing-prefix loop, for every source. A request
 * starting this far past the end of the source means the header runs past it: stop at once instead of parsing
 * zeros.
 */
const BEYOND_MARGIN_BYTES = 4_000_000;
const BEYOND = new Error('read beyond the end of the source');
/** The parser keeps at most this much of a header (HTTP_TOTAL_MAX_SIZE in @huggingface/gguf). */
const PARSER_MAX_BYTES = 50_000_000;

/** A fetch that serves the byte ranges the parser requests from a source. */
function sourceFetch(source: ByteSource): typeof fetch {
  return (async (_input: unknown, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    const [, from = '0', to = '0'] = /bytes=(\d+)-(\d+)/.exec(range) ?? [];
    const start = Number(from);
    const size = source.size;
    if (size !== undefined && start > size + BEYOND_MARGIN_BYTES) throw BEYOND;
    const bytes =
      size !== undefined && start >= size ? new Uint8Array(0) : await source.read(start, Number(to) + 1);
    // A copy: a Response takes bytes over an ArrayBuffer of their own (a source may return a view).
    return new Response(new Uint8Array(bytes), { status: 206 });
  }) as typeof fetch;
}

/** 64-bit metadata values arrive as bigint; the architecture code reads numbers. */
const toNumber = (v: unknown): unknown =>
  typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(toNumber) : v;

const MB = 1e6;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const gb = (bytes: number): string => (bytes < 1e9 ? mb(bytes) : `${(bytes / 1e9).toFixed(2)} GB`);

function truncated(source: ByteSource, prefixOnly: boolean): CliffbenchError {
  const size = source.size ?? source.bytesRead;
  const message = prefixOnly
    ? `The GGUF header does not end within the ${size} bytes given: pass more of the file (headers with a large tokenizer take 10-30 MiB), or the file is truncated or corrupt.`
    : `${source.name}: the GGUF header is cut short: it does not end within the file's ${size} bytes, so the file is truncated or corrupt (a download that stopped inside the header).`;
  return new CliffbenchError('invalid-gguf', message, {
    truncated: true,
    bytesGiven: size,
    file: source.name,
  });
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

/**
 * Parses one file's header, reading from `source` only the 2 MB chunks it needs. `prefixOnly`: the source holds
 * the first bytes of a file of `fileBytes` (or unknown) size, not the whole file.
 */
async function parsePart(source: ByteSource, prefixOnly = false, fileBytes?: number): Promise<ParsedPart> {
  if (source.size === 0) {
    throw new CliffbenchError(
      'invalid-gguf',
      prefixOnly ? 'No bytes given: pass the first MiBs of a .gguf file.' : `${source.name} is empty.`,
      { file: source.name },
    );
  }
  let parsed: Awaited<ReturnType<typeof gguf>>;
  try {
    parsed = await gguf(FAKE_URI, { fetch: sourceFetch(source) });
  } catch (error) {
    if (error instanceof CliffbenchError) throw error; // the source's own (HTTP status, network, no Range)
    const why = error instanceof Error ? error.message : String(error);
    if (/magic number/i.test(why)) {
      const what = prefixOnly ? 'This is not a GGUF file' : `${source.name} is not a GGUF file`;
      throw new CliffbenchError('invalid-gguf', `${what}: it does not start with the bytes "GGUF".`, {
        file: source.name,
        notGguf: true,
      });
    }
    const readAll = source.size !== undefined && source.bytesRead >= source.size;
    if (error instanceof RangeError && !readAll && source.bytesRead >= PARSER_MAX_BYTES - 2 * MB) {
      throw new CliffbenchError(
        'invalid-gguf',
        `${source.name}: the GGUF header runs past ${mb(PARSER_MAX_BYTES)}, more than any model's header: the file is corrupt.`,
        { file: source.name },
      );
    }
    if (error === BEYOND || error instanceof RangeError || /chunk fetches/i.test(why))
      throw truncated(source, prefixOnly);
    throw new CliffbenchError('invalid-gguf', `The GGUF header is corrupt: ${why}.`, { cause: why });
  }
  // Past the end of the source the parser reads zeros rather than failing: a header ending beyond it is cut off.
  if (source.size !== undefined && parsed.tensorInfoByteRange[1] > source.size)
    throw truncated(source, prefixOnly);
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
  return {
    name: source.name,
    metadata,
    tensors,
    headerBytes: Number(parsed.tensorDataOffset),
    size: prefixOnly ? fileBytes : source.size,
    bytesRead: source.bytesRead,
  };
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

/** The last byte the tensor data needs (the last tensor's padding may be absent from a file). */
const dataNeeded = (part: ParsedPart): number =>
  part.headerBytes + Math.max(0, ...part.tensors.map((t) => t.offset + t.bytes));

const sizeText = (bytes: number): string => (bytes < MB ? `${bytes} bytes` : gb(bytes));

/**
 * A warning when parts' headers are whole but their tensor data is not all there (an unfinished download, a
 * header-only copy): `label` names them, `size` is what they hold, `needed` what their headers describe.
 */
function missingDataWarning(label: string, size: number, needed: number, plural: boolean): string {
  const [have, of] =
    sizeText(size) === sizeText(needed)
      ? [`${size} bytes`, `${needed} bytes`]
      : [sizeText(size), sizeText(needed)];
  const their = plural ? 'their headers describe' : 'its header describes';
  return (
    `${label} ${plural ? 'have' : 'has'} ${have} of the ${of} ${their} (header plus tensor data): ` +
    `the tensor data is incomplete (an unfinished download or a header-only copy). Estimated from the header${plural ? 's, which list' : ', which lists'} every tensor.`
  );
}

const splitNo = (p: ParsedPart): number => Number(p.metadata['split.no'] ?? 0);
const splitCount = (p: ParsedPart): number => Number(p.metadata['split.count'] ?? 1);

/**
 * The parts of one split GGUF, checked: llama-gguf-split writes `split.no` (0-based), `split.count` and
 * `split.tensors.count` into every part and the model's metadata into the first only
 * (ggml-org/llama.cpp tools/gguf-split/gguf-split.cpp, split_strategy).
 */
function checkSplit(parts: readonly ParsedPart[]): void {
  const counts = new Set(parts.map(splitCount));
  const numbers = parts.map(splitNo).sort((a, b) => a - b);
  const count = [...counts][0] ?? 0;
  if (counts.size !== 1 || count !== parts.length || numbers.some((n, i) => n !== i)) {
    throw new CliffbenchError(
      'invalid-gguf',
      `These ${parts.length} files are not the complete parts of one split GGUF (parts found: ${numbers.map((n) => n + 1).join(', ')} of ${[...counts].join('/')}).`,
      { parts: numbers.map((n) => n + 1), splitCount: [...counts] },
    );
  }
  const listed = parts.reduce((a, p) => a + p.tensors.length, 0);
  const declared = parts[0]?.metadata['split.tensors.count'];
  if (typeof declared === 'number' && declared !== listed) {
    throw new CliffbenchError(
      'invalid-gguf',
      `The ${count} parts list ${listed} tensors together, but their split.tensors.count says ${declared}: the parts come from different splits.`,
      { tensors: listed, declared },
    );
  }
}

function modelOf(parts: readonly ParsedPart[], options: GgufReadOptions, prefixOnly: boolean): GgufModel {
  const first = parts.find((p) => splitNo(p) === 0) ?? (parts[0] as ParsedPart);
  const fileBytes = parts.reduce((a, p) => a + dataEnd(p), 0);
  const ordered = [...parts].sort((a, b) => splitNo(a) - splitNo(b));
  const short = ordered.filter((p) => p.size !== undefined && p.size < dataNeeded(p));
  const size = short.reduce((a, p) => a + (p.size ?? 0), 0);
  const needed = short.reduce((a, p) => a + dataNeeded(p), 0);
  const numbers = short.map((p) => splitNo(p) + 1);
  const label =
    parts.length > 1
      ? `${numbers.length === 1 ? 'Part' : 'Parts'} ${numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : numbers[0]} of ${parts.length} (${short.map((p) => p.name.split('/').pop()).join(', ')})`
      : prefixOnly
        ? 'The file'
        : (short[0]?.name ?? '');
  const warnings = short.length === 0 ? [] : [missingDataWarning(label, size, needed, short.length > 1)];
  const tensors = withSharedExperts(ordered.flatMap((p) => p.tensors.map(({ offset: _, ...t }) => t)));
  const fileTypeId = first.metadata['general.file_type'];
  // The file type names the base mix; an Unsloth Dynamic file is told apart by its name (…-UD-Q4_K_XL.gguf).
  const fileType = ggufQuantName(typeof fileTypeId === 'number' ? fileTypeId : undefined, first.name);
  const architecture = architectureFromGguf(first.metadata, tensors);
  return {
    architecture: options.name ? { ...architecture, name: options.name } : architecture,
    tensors,
    ...(fileType ? { fileType } : {}),
    headerBytes: first.headerBytes,
    fileBytes,
    parts: parts.length,
    bytesRead: parts.reduce((a, p) => a + p.bytesRead, 0),
    warnings,
  };
}

/** One GGUF file's metadata and tensors as its header lists them, with no model built from them (a vision projector's). */
export interface GgufFileHeader {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly QuantizedTensor[];
  /** Header + tensor data, each tensor padded to `general.alignment`, bytes. */
  readonly fileBytes: number;
}

/**
 * Reads one GGUF file's header from a source (2 MB at a time, nothing past the header).
 * @throws CliffbenchError `invalid-gguf`: not GGUF, header cut short (`detail.truncated`), corrupt.
 */
export async function readGgufFileHeader(source: ByteSource): Promise<GgufFileHeader> {
  const part = await parsePart(source);
  return {
    metadata: part.metadata,
    tensors: part.tensors.map(({ offset: _, ...t }) => t),
    fileBytes: dataEnd(part),
  };
}

/** One part given where the header says there are several. */
function partOnly(part: ParsedPart, prefixOnly: boolean): CliffbenchError {
  const no = splitNo(part) + 1;
  const count = splitCount(part);
  const siblings = splitNameOf(part.name) ? splitPartPaths(part.name).map((p) => p.split('/').pop()) : [];
  const what = prefixOnly ? 'This' : part.name;
  const give = prefixOnly
    ? `Give the first MiBs of all ${count} parts together.`
    : `Give all ${count} parts together${siblings.length > 0 ? ` (${siblings.join(', ')})` : ''}.`;
  return new CliffbenchError(
    'invalid-gguf',
    `${what} is part ${no} of a GGUF split into ${count} files (…-${String(no).padStart(5, '0')}-of-${String(count).padStart(5, '0')}.gguf); each part lists only its own tensors. ${give}`,
    { splitCount: count, splitNo: no - 1, file: part.name },
  );
}

async function readParts(
  sources: readonly ByteSource[],
  options: GgufReadOptions,
  prefixOnly: boolean,
): Promise<GgufModel> {
  if (sources.length === 0) throw new CliffbenchError('invalid-gguf', 'No GGUF file given.');
  const fileBytes = sources.length === 1 ? options.fileBytes : undefined;
  const parts = await Promise.all(sources.map((s) => parsePart(s, prefixOnly, fileBytes)));
  const only = parts[0] as ParsedPart;
  if (parts.length === 1 && splitCount(only) > 1) throw partOnly(only, prefixOnly);
  if (parts.length > 1) checkSplit(parts);
  return modelOf(parts, options, prefixOnly);
}

/**
 * Reads a GGUF from where it lives (a file, a Blob, a URL): one source, or every part of a split GGUF
 * (`…-00001-of-00003.gguf`, llama-gguf-split) in any order. Each header is parsed as its bytes arrive, 2 MB
 * at a time, and nothing past the header is read. A part whose tensor data is shorter than its header says
 * (an unfinished download, a header-only copy) is estimated with a warning in `warnings`; a header that is
 * itself cut short is an error.
 * @throws CliffbenchError `invalid-gguf` naming what is wrong and which file: not GGUF, header cut short
 *   (`detail.truncated`), corrupt, one part of a split (`detail.splitCount`), parts that do not make one
 *   split; `unsupported-architecture`; or the source's own errors (remote-gguf.ts: HTTP status, network).
 */
export async function readGgufSources(
  sources: readonly ByteSource[],
  options: Pick<GgufReadOptions, 'name'> = {},
): Promise<GgufModel> {
  return readParts(sources, options, false);
}

const asBytes = (d: ArrayBuffer | Uint8Array): Uint8Array =>
  d instanceof Uint8Array ? d : new Uint8Array(d);

/**
 * Reads the header of a GGUF file from its first bytes (the whole file is not needed: tokenizer and tensor
 * infos are typically < 20 MiB). With `options.fileBytes`, a file shorter than its tensors need is estimated
 * with a warning.
 * @throws CliffbenchError `invalid-gguf` naming what is wrong: not GGUF, truncated (`detail.truncated`: give
 *   more bytes), corrupt, one part of a split file (`detail.splitCount`: use `readSplitGgufHeaders`); or
 *   `unsupported-architecture`.
 */
export async function readGgufHeader(
  data: ArrayBuffer | Uint8Array,
  options: GgufReadOptions = {},
): Promise<GgufModel> {
  return readParts([bytesSource(asBytes(data))], options, true);
}

/**
 * Reads a GGUF split into parts (`…-00001-of-00003.gguf`, llama-gguf-split): the first MiBs of every part, in
 * any order. The metadata comes from part 1; the tensors from all parts.
 * @throws CliffbenchError `invalid-gguf` when parts are missing, repeated or from different splits.
 */
export async function readSplitGgufHeaders(
  data: readonly (ArrayBuffer | Uint8Array)[],
  options: Pick<GgufReadOptions, 'name'> = {},
): Promise<GgufModel> {
  return readParts(
    data.map((d) => bytesSource(asBytes(d))),
    options,
    true,
  );
}
