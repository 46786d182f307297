/**
 * @module model-file/read-model-file — turns a file the user dropped or picked into a model: a Hugging Face
 * `config.json` (parsed whole; it is a few KB) or a `.gguf` (only its header: the first MiBs, read with
 * `Blob.slice`, doubling until the header ends). Everything stays in the browser; nothing is uploaded.
 * Loaded lazily: the GGUF parser is not part of the estimate view's initial JavaScript.
 */
import {
  architectureFromHfConfig,
  CliffbenchError,
  type GgufModel,
  type GgufReadOptions,
  type ModelArchitecture,
  type QuantizedTensor,
  readGgufHeader,
} from '@cliffbench/core';

/** A model read from a local file. */
export type ModelFile =
  | {
      readonly kind: 'config';
      readonly fileName: string;
      readonly architecture: ModelArchitecture;
      /** The parsed config.json, passed to the estimator as `{ hfConfig }`. */
      readonly config: Record<string, unknown>;
    }
  | {
      readonly kind: 'gguf';
      readonly fileName: string;
      readonly architecture: ModelArchitecture;
      /** Every tensor with its real ggml type: the header is the truth about the weights. */
      readonly tensors: readonly QuantizedTensor[];
      /** `general.file_type` as a quant name ("Q4_K_M"), when the header says. */
      readonly fileType?: string;
      /** The file's size, bytes. */
      readonly fileBytes: number;
      /** How much of the file was read, bytes. */
      readonly bytesRead: number;
    };

/** The part of a `File` this module uses (a `File` is one; tests pass a `Blob` with a name). */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
  text(): Promise<string>;
}

export type GgufReader = (bytes: Uint8Array, options: GgufReadOptions) => Promise<GgufModel>;

const MIB = 2 ** 20;
/** First read of a GGUF: most headers end within it (a 262k-token vocabulary takes ~10 MiB). */
export const FIRST_READ_BYTES = 16 * MIB;
/** Give up past this: no real header is this large, so the file is not a GGUF model. */
const MAX_READ_BYTES = 512 * MIB;
/** A config.json larger than this is not a model config. */
const MAX_CONFIG_BYTES = 4 * MIB;

const isTruncated = (e: unknown): boolean => e instanceof CliffbenchError && e.detail.truncated === true;

async function readGguf(file: NamedBlob, read: GgufReader): Promise<ModelFile> {
  let bytes = Math.min(FIRST_READ_BYTES, file.size);
  for (;;) {
    const prefix = new Uint8Array(await file.slice(0, bytes).arrayBuffer());
    try {
      const gguf = await read(prefix, { fileBytes: file.size });
      return {
        kind: 'gguf',
        fileName: file.name,
        architecture: gguf.architecture,
        tensors: gguf.tensors,
        ...(gguf.fileType === undefined ? {} : { fileType: gguf.fileType }),
        fileBytes: file.size,
        bytesRead: prefix.length,
      };
    } catch (e) {
      if (!isTruncated(e) || bytes >= file.size || bytes >= MAX_READ_BYTES) throw e;
      bytes = Math.min(file.size, MAX_READ_BYTES, bytes * 2);
    }
  }
}

async function readConfig(file: NamedBlob): Promise<ModelFile> {
  if (file.size > MAX_CONFIG_BYTES) {
    throw new CliffbenchError(
      'invalid-config',
      `${file.name} is ${(file.size / MIB).toFixed(0)} MiB: a model's config.json is a few KB. Drop config.json or a .gguf file.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    throw new CliffbenchError(
      'invalid-config',
      `${file.name} is not valid JSON (${e instanceof Error ? e.message : String(e)}). Drop a Hugging Face config.json or a .gguf file.`,
    );
  }
  const architecture = architectureFromHfConfig(json);
  return {
    kind: 'config',
    fileName: file.name,
    architecture,
    config: json as Record<string, unknown>,
  };
}

/** GGUF files start with the magic "GGUF" (ggml docs/gguf.md); the name may not say. */
async function looksLikeGguf(file: NamedBlob): Promise<boolean> {
  if (/\.gguf$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return String.fromCharCode(...head) === 'GGUF';
}

/**
 * Reads a dropped `config.json` or `.gguf`. Throws CliffbenchError ('invalid-config', 'invalid-gguf',
 * 'unsupported-architecture', ...) with a message that says what was wrong and what is accepted.
 * @param read the GGUF header reader. @default core's `readGgufHeader`
 */
export async function readModelFile(file: NamedBlob, read: GgufReader = readGgufHeader): Promise<ModelFile> {
  if (file.size === 0) {
    throw new CliffbenchError('invalid-config', `${file.name} is empty. Drop a config.json or a .gguf file.`);
  }
  return (await looksLikeGguf(file)) ? readGguf(file, read) : readConfig(file);
}
