/**
 * @module cli/model-files — the CLI's file access (the only Node I/O in core): a model named by a path to a
 * Hugging Face config.json (or its folder) or to a .gguf file, whose header is read without loading weights
 * (the GGUF reader is imported only then).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliffbenchError } from '../errors.js';
import type { ResolveOptions } from '../estimate/resolve-scenario.js';
import type { ScenarioInput } from '../estimate/scenario.js';

const MIB = 2 ** 20;
/** GGUF headers (tokenizer included) are tens of MiB at most; read this much first, then double. */
const FIRST_READ_BYTES = 16 * MIB;
const MAX_READ_BYTES = 1024 * MIB;

function readPrefix(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The architecture and tensors of a .gguf file, reading as little of it as the header needs. */
async function readGgufFile(path: string): Promise<ResolveOptions> {
  const { readGgufHeader } = await import('../import/gguf-header.js');
  const size = statSync(path).size;
  let bytes = Math.min(FIRST_READ_BYTES, size);
  for (;;) {
    try {
      const gguf = await readGgufHeader(readPrefix(path, bytes), { fileBytes: size });
      return {
        model: gguf.architecture,
        tensors: gguf.tensors,
        ...(gguf.fileType === undefined ? {} : { quantName: gguf.fileType }),
      };
    } catch (error) {
      const truncated = error instanceof CliffbenchError && error.detail.truncated === true;
      if (!truncated || bytes >= size || bytes >= MAX_READ_BYTES) throw error;
      bytes = Math.min(size, bytes * 2);
    }
  }
}

const isPath = (model: string): boolean => /[\\/]|\.json$|\.gguf$/i.test(model) || existsSync(model);

/**
 * Resolves a `--model` value that names a file: a .gguf becomes resolve options (architecture and tensors from
 * its header); a config.json, or a folder holding one, becomes `{ hfConfig }`. Catalog ids pass through.
 */
export async function modelFromArgument(
  model: string,
): Promise<{ model: ScenarioInput['model']; options?: ResolveOptions }> {
  if (!isPath(model)) return { model };
  if (!existsSync(model)) {
    throw new CliffbenchError(
      'unknown-model',
      `No file "${model}". Give a catalog id, a config.json or a .gguf path.`,
    );
  }
  if (/\.gguf$/i.test(model)) return { model, options: await readGgufFile(model) };
  const file = statSync(model).isDirectory() ? join(model, 'config.json') : model;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliffbenchError('invalid-config', `Cannot read ${file} as JSON: ${(error as Error).message}.`, {
      file,
    });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliffbenchError(
      'invalid-config',
      `${file} must hold a JSON object (a Hugging Face config.json).`,
    );
  }
  return { model: { hfConfig: json as Record<string, unknown> } };
}

/**
 * For `runBatch`: .gguf paths in a batch's `model` fields resolve like `--model`. Their headers are read
 * (asynchronously) before the batch runs; a file that cannot be read becomes that line's error.
 */
export async function batchModelResolver(
  lines: readonly string[],
): Promise<(model: string) => ResolveOptions | undefined> {
  const paths = new Set<string>();
  for (const line of lines) {
    const match = /"model"\s*:\s*"([^"]+\.gguf)"/i.exec(line);
    if (match?.[1]) paths.add(match[1]);
  }
  const read = new Map<string, ResolveOptions | Error>();
  for (const path of paths) read.set(path, await readGgufFile(path).catch((error: Error) => error));
  return (model) => {
    const found = read.get(model);
    if (found instanceof Error) throw found;
    return found;
  };
}
