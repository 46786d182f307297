/**
 * @module model-file/read-model-file — turns files the user dropped or picked into a model: a Hugging Face
 * `config.json` (parsed whole; it is a few KB), a `.gguf` or every part of a split `.gguf` (only their headers,
 * read with `Blob.slice` 2 MB at a time by core's reader until each header ends). Everything stays in the
 * browser; nothing is uploaded. Loaded lazily: the GGUF parser is not part of the estimate view's initial
 * JavaScript.
 */
import {
  architectureFromHfConfig,
  CliffbenchError,
  type ModelArchitecture,
  type QuantizedTensor,
} from '@cliffbench/core';
import { blobSource, type GgufModel, type NamedBlob, readGgufSources } from '@cliffbench/core/gguf';

/** A model read from local files or from a URL. */
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
      /** The file's name (the first part's, for a split), or for a remote file "OWNER/REPO/FILE" or its URL. */
      readonly fileName: string;
      readonly architecture: ModelArchitecture;
      /** Every tensor with its real ggml type: the header is the truth about the weights. */
      readonly tensors: readonly QuantizedTensor[];
      /** `general.file_type` as a quant name ("Q4_K_M"), when the header says. */
      readonly fileType?: string;
      /** The model's size: the file's, all parts together, or what the header implies when that is unknown. */
      readonly fileBytes: number;
      /** How much was read (or fetched over the network) to get the headers, bytes. */
      readonly bytesRead: number;
      /** How many files: 1, or the parts of a split GGUF. */
      readonly parts: number;
      /** Read over HTTP (a URL or the Hugging Face Hub) rather than from a local file. */
      readonly remote: boolean;
      /** Where a remote file was read from, as the share link's `src=` carries it (remote-model.ts). */
      readonly source?: string;
      /** Said beside the estimate, e.g. that the tensor data of the file is incomplete. */
      readonly warnings: readonly string[];
    };

/** The part of a `File` this module uses (a `File` is one; tests pass a `Blob` with a name). */
export interface ModelBlob extends NamedBlob {
  text(): Promise<string>;
}

const MIB = 2 ** 20;
/** A config.json larger than this is not a model config. */
const MAX_CONFIG_BYTES = 4 * MIB;

/** A model file from a GGUF header read by core (`source`: where a remote one was read from). */
export function ggufModelFile(
  gguf: GgufModel,
  fileName: string,
  remote: boolean,
  fileBytes = gguf.fileBytes,
  source?: string,
): ModelFile {
  return {
    kind: 'gguf',
    fileName,
    architecture: gguf.architecture,
    tensors: gguf.tensors,
    ...(gguf.fileType === undefined ? {} : { fileType: gguf.fileType }),
    fileBytes,
    bytesRead: gguf.bytesRead,
    parts: gguf.parts,
    remote,
    ...(source === undefined ? {} : { source }),
    warnings: gguf.warnings,
  };
}

async function readGguf(files: readonly ModelBlob[]): Promise<ModelFile> {
  const gguf = await readGgufSources(files.map(blobSource));
  const first = [...files].sort((a, b) => a.name.localeCompare(b.name))[0] as ModelBlob;
  return ggufModelFile(
    gguf,
    first.name,
    false,
    files.reduce((a, f) => a + f.size, 0),
  );
}

async function readConfig(file: ModelBlob): Promise<ModelFile> {
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
async function looksLikeGguf(file: ModelBlob): Promise<boolean> {
  if (/\.gguf$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return String.fromCharCode(...head) === 'GGUF';
}

/**
 * Reads dropped or picked files: one `config.json` or `.gguf`, or every part of a split `.gguf`
 * (`…-00001-of-00003.gguf`) at once. A GGUF whose tensor data is incomplete (an unfinished download) is read,
 * with a warning in `warnings`. Throws CliffbenchError ('invalid-config', 'invalid-gguf',
 * 'unsupported-architecture', ...) with a message that says what was wrong and what is accepted.
 */
export async function readModelFiles(files: readonly ModelBlob[]): Promise<ModelFile> {
  if (files.length === 0) throw new CliffbenchError('invalid-config', 'No file given.');
  for (const file of files) {
    if (file.size === 0) {
      throw new CliffbenchError(
        'invalid-config',
        `${file.name} is empty. Drop a config.json or a .gguf file.`,
      );
    }
  }
  const gguf = await Promise.all(files.map(looksLikeGguf));
  if (files.length === 1) return gguf[0] ? readGguf(files) : readConfig(files[0] as ModelBlob);
  if (gguf.every(Boolean)) return readGguf(files);
  throw new CliffbenchError(
    'invalid-config',
    `${files.length} files given: drop one config.json or .gguf, or all the parts of one split .gguf together.`,
  );
}

/** Reads one dropped `config.json` or `.gguf` (see `readModelFiles`). */
export async function readModelFile(file: ModelBlob): Promise<ModelFile> {
  return readModelFiles([file]);
}
