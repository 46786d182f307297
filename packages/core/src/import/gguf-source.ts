/**
 * @module import/gguf-source — where a GGUF's bytes come from: bytes in memory, a `Blob` (a dropped or picked
 * file), a local file (the CLI's, in cli/model-files.ts) or a URL served with HTTP Range (remote-gguf.ts). The
 * header reader asks a source for the byte ranges it needs, 2 MB at a time, until the header ends: no
 * source is ever read to its end. Browser-safe: no Node imports.
 *
 * Also llama.cpp's split-file naming, `PREFIX-00001-of-00003.gguf`: `llama_split_path` writes
 * "%s-%05d-of-%05d.gguf" with 1-based part numbers (ggml-org/llama.cpp src/llama.cpp, used by
 * tools/gguf-split/gguf-split.cpp); common/download.cpp recognises the same pattern (get_gguf_split_info).
 */

/** Random access to the bytes of one file. */
export interface ByteSource {
  /** What to call it in messages: a file name or a URL. */
  readonly name: string;
  /** The whole file's size in bytes; a URL's is known once its first range has arrived. */
  readonly size: number | undefined;
  /** Bytes read (or fetched) so far, all calls together. */
  readonly bytesRead: number;
  /** Bytes `[start, end)`; fewer at the end of the file, none past it. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A source over bytes in memory: the first bytes of a file, or all of it. */
export function bytesSource(bytes: Uint8Array, name = 'the bytes given'): ByteSource {
  let bytesRead = 0;
  return {
    name,
    size: bytes.length,
    get bytesRead() {
      return bytesRead;
    },
    async read(start, end) {
      const slice = bytes.subarray(Math.min(start, bytes.length), Math.min(end, bytes.length));
      bytesRead += slice.length;
      return slice;
    },
  };
}

/** The part of a `Blob`/`File` a blob source uses (tests pass a `File` or an object with a name). */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

/** A source over a `File` or `Blob`: each range is a `Blob.slice`, so only the header's bytes are read. */
export function blobSource(blob: NamedBlob): ByteSource {
  let bytesRead = 0;
  return {
    name: blob.name,
    size: blob.size,
    get bytesRead() {
      return bytesRead;
    },
    async read(start, end) {
      if (start >= Math.min(end, blob.size)) return new Uint8Array(0);
      const bytes = new Uint8Array(await blob.slice(start, Math.min(end, blob.size)).arrayBuffer());
      bytesRead += bytes.length;
      return bytes;
    },
  };
}

/** A split part's name: the shared prefix (directories and quant tag included), its 1-based number and the count. */
export interface SplitName {
  readonly prefix: string;
  readonly index: number;
  readonly count: number;
}

const SPLIT_NAME = /^(.+)-(\d{5})-of-(\d{5})\.gguf$/i;

/** The split numbering in a path or URL (`…/m-Q4_K_M-00002-of-00003.gguf` → part 2 of 3), if it has one. */
export function splitNameOf(path: string): SplitName | undefined {
  const [, prefix, index, count] = SPLIT_NAME.exec(path) ?? [];
  if (prefix === undefined || index === undefined || count === undefined) return undefined;
  const n = Number(count);
  const i = Number(index);
  return n > 1 && i >= 1 && i <= n ? { prefix, index: i, count: n } : undefined;
}

/** The path of part `index` (1-based) of a split named like `of`. */
export function splitPartPath(of: SplitName, index: number): string {
  const five = (n: number) => String(n).padStart(5, '0');
  return `${of.prefix}-${five(index)}-of-${five(of.count)}.gguf`;
}

/**
 * Every part's path of the split `path` belongs to, in order (`path` itself when it is not a split part).
 * Given part 2 of 3, returns parts 1, 2 and 3.
 */
export function splitPartPaths(path: string): string[] {
  const split = splitNameOf(path);
  if (split === undefined) return [path];
  return Array.from({ length: split.count }, (_, i) => splitPartPath(split, i + 1));
}
