/**
 * @module cli/model-files — the CLI's file access (the only Node I/O in core): a model named by a path to a
 * Hugging Face config.json (or its folder), to a .gguf file (a split's first part finds its siblings in its
 * folder, or the parts are given as PART1,PART2,…), or by a URL / `hf:` path whose GGUF header is read by HTTP
 * Range. Only headers are read, never weights; the GGUF reader is imported only for a .gguf, the remote reader
 * only for a URL or `hf:` path.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliffbenchError } from '../errors.js';
import type { ProjectorFile } from '../estimate/mmproj.js';
import type { ResolveOptions } from '../estimate/resolve-scenario.js';
import type { ScenarioInput } from '../estimate/scenario.js';
import type { GgufModel } from '../import/gguf-header.js';
import type { ByteSource } from '../import/gguf-source.js';

/** Where the Hub is and the token for it (the Hugging Face clients' HF_ENDPOINT and HF_TOKEN). */
export interface ModelEnv {
  readonly HF_ENDPOINT?: string | undefined;
  readonly HF_TOKEN?: string | undefined;
}

/** Writes one line about the model read (a warning, or how much was fetched) to standard error. */
export type ModelReport = (line: string) => void;

const toStderr: ModelReport = (line) => {
  process.stderr.write(`${line}\n`);
};

/** A local file read with positioned reads: only the ranges the header parser asks for. */
function fileSource(path: string): ByteSource {
  const size = statSync(path).size;
  let bytesRead = 0;
  return {
    name: path,
    size,
    get bytesRead() {
      return bytesRead;
    },
    async read(start, end) {
      const length = Math.max(0, Math.min(end, size) - start);
      if (length === 0) return new Uint8Array(0);
      const fd = openSync(path, 'r');
      try {
        const buffer = new Uint8Array(length);
        const read = readSync(fd, buffer, 0, length, start);
        bytesRead += read;
        return buffer.subarray(0, read);
      } finally {
        closeSync(fd);
      }
    },
  };
}

const MB = 1e6;
const sizeText = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;

function optionsOf(gguf: GgufModel, report: ModelReport): ResolveOptions {
  for (const w of gguf.warnings) report(`warning: ${w}`);
  return {
    model: gguf.architecture,
    tensors: gguf.tensors,
    ...(gguf.fileType === undefined ? {} : { quantName: gguf.fileType }),
  };
}

/** `a.gguf,b.gguf,…`: the parts of a split given one by one. */
const partList = (model: string): string[] | undefined => {
  const parts = model.split(',').map((p) => p.trim());
  return parts.length > 1 && parts.every((p) => /\.gguf$/i.test(p)) ? parts : undefined;
};

/**
 * The files of the GGUF `model` names: the parts listed, or a split part's siblings in its folder by the
 * naming convention (`…-00001-of-00003.gguf`), or the file itself.
 */
async function localParts(model: string): Promise<string[]> {
  const listed = partList(model);
  if (listed !== undefined) return listed;
  const { splitPartPaths } = await import('../import/gguf-source.js');
  const dir = dirname(model);
  const parts = splitPartPaths(basename(model)).map((name) => join(dir, name));
  const missing = parts.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new CliffbenchError(
      'unknown-model',
      `${model} is one of ${parts.length} parts of a split GGUF, but ${missing.map((p) => basename(p)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in ${dir}: put every part in one folder, or give them all as --model PART1,PART2,….`,
      { missing },
    );
  }
  return parts;
}

/** The architecture and tensors of a local .gguf (all parts of a split), reading only their headers. */
async function readGgufFiles(model: string, report: ModelReport): Promise<ResolveOptions> {
  const paths = await localParts(model);
  for (const p of paths) {
    if (!existsSync(p)) throw new CliffbenchError('unknown-model', `No file "${p}".`, { file: p });
  }
  const { readGgufSources } = await import('../import/gguf-header.js');
  try {
    return optionsOf(await readGgufSources(paths.map(fileSource)), report);
  } catch (error) {
    // One part of a split whose name does not say so: tell how to give the others.
    if (
      error instanceof CliffbenchError &&
      typeof error.detail.splitCount === 'number' &&
      paths.length === 1
    ) {
      throw new CliffbenchError(
        error.code,
        error.message.replace(/\.$/, ': --model PART1,PART2,….'),
        error.detail,
      );
    }
    throw error;
  }
}

/** The architecture and tensors of a GGUF at a URL or `hf:` path, read by HTTP Range (a few MB). */
async function readRemote(model: string, env: ModelEnv, report: ModelReport): Promise<ResolveOptions> {
  const { readRemoteGguf } = await import('../import/remote-gguf.js');
  const gguf = await readRemoteGguf(model, { endpoint: env.HF_ENDPOINT, token: env.HF_TOKEN });
  const of = gguf.remoteBytes === undefined ? '' : ` of a ${sizeText(gguf.remoteBytes)} file`;
  const parts = gguf.parts > 1 ? ` (${gguf.parts} parts)` : '';
  report(
    `note: read the GGUF header of ${gguf.label}${parts} by HTTP Range: ${sizeText(gguf.bytesRead)} fetched${of}`,
  );
  return optionsOf(gguf, report);
}

const isRemote = (model: string): boolean => /^(hf:|https?:\/\/)/i.test(model.trim());

const isPath = (model: string): boolean => /[\\/]|\.json$|\.gguf$/i.test(model) || existsSync(model);

/**
 * Resolves a `--model` value that names a file: a .gguf becomes resolve options (architecture and tensors from
 * its header); a config.json, or a folder holding one, becomes `{ hfConfig }`. Catalog ids pass through.
 */
export async function modelFromArgument(
  model: string,
  env: ModelEnv = process.env,
  report: ModelReport = toStderr,
): Promise<{ model: ScenarioInput['model']; options?: ResolveOptions }> {
  if (isRemote(model)) return { model, options: await readRemote(model, env, report) };
  if (partList(model) !== undefined) return { model, options: await readGgufFiles(model, report) };
  if (!isPath(model)) return { model };
  if (!existsSync(model)) {
    throw new CliffbenchError(
      'unknown-model',
      `No file "${model}". Give a catalog id, a config.json, a .gguf path or URL, or hf:OWNER/REPO[:QUANT].`,
    );
  }
  if (/\.gguf$/i.test(model)) return { model, options: await readGgufFiles(model, report) };
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
 * The vision projector `--mmproj` (or a batch line's `mmproj`) names: a local .gguf, a URL or
 * `hf:OWNER/REPO/FILE.gguf`; only its header is read (by HTTP Range for a URL).
 */
export async function mmprojFromArgument(
  path: string,
  env: ModelEnv = process.env,
  report: ModelReport = toStderr,
): Promise<ProjectorFile> {
  const { readMmprojSource } = await import('../import/mmproj-header.js');
  if (!isRemote(path)) {
    if (!existsSync(path) || statSync(path).isDirectory()) {
      throw new CliffbenchError(
        'invalid-scenario',
        `No file "${path}": --mmproj takes the projector's .gguf, its URL, hf:OWNER/REPO/FILE.gguf, or "auto".`,
        { file: path },
      );
    }
    return readMmprojSource(fileSource(path));
  }
  const { httpSource, hubFileUrl, parseRemoteModel } = await import('../import/remote-gguf.js');
  const options = { endpoint: env.HF_ENDPOINT, token: env.HF_TOKEN };
  const where = parseRemoteModel(path, options);
  const url =
    where?.kind === 'url'
      ? where.url
      : where?.kind === 'hub-file'
        ? hubFileUrl(where.repo, where.path, options, where.revision)
        : undefined;
  if (url === undefined) {
    throw new CliffbenchError(
      'invalid-scenario',
      `--mmproj ${path}: name the projector's file (hf:OWNER/REPO/FILE.gguf or its URL); a repository alone does not say which file.`,
    );
  }
  const source = httpSource(url, options);
  const projector = await readMmprojSource(source);
  report(`note: read the mmproj header of ${path} by HTTP Range: ${sizeText(source.bytesRead)} fetched`);
  return projector;
}

/** Reads each distinct value once, before a batch runs; a value that cannot be read becomes its lines' error. */
async function readEach<T>(
  values: Iterable<string>,
  read: (value: string) => Promise<T>,
): Promise<(value: string) => T | undefined> {
  const found = new Map<string, T | Error>();
  for (const value of new Set(values)) found.set(value, await read(value).catch((error: Error) => error));
  return (value) => {
    const f = found.get(value);
    if (f instanceof Error) throw f;
    return f;
  };
}

/** The values of `key` in a batch's lines that match `pattern`. */
const batchValues = (lines: readonly string[], pattern: RegExp): string[] =>
  lines.flatMap((line) => {
    const value = pattern.exec(line)?.[1];
    return value === undefined ? [] : [value];
  });

/**
 * For `runBatch`: .gguf paths, URLs and `hf:` paths in a batch's `model` fields resolve like `--model`. Their
 * headers are read (asynchronously) before the batch runs; a model that cannot be read becomes that line's error.
 */
export function batchModelResolver(
  lines: readonly string[],
  env: ModelEnv = process.env,
  report: ModelReport = toStderr,
): Promise<(model: string) => ResolveOptions | undefined> {
  const models = batchValues(lines, /"model"\s*:\s*"((?:hf:|https?:\/\/)[^"]+|[^"]+\.gguf)"/i);
  return readEach(models, (model) =>
    isRemote(model) ? readRemote(model, env, report) : readGgufFiles(model, report),
  );
}

/** For `runBatch`: the projector files a batch's `mmproj` fields name, each header read once before it runs. */
export function batchMmprojResolver(
  lines: readonly string[],
  env: ModelEnv = process.env,
  report: ModelReport = toStderr,
): Promise<(path: string) => ProjectorFile | undefined> {
  const paths = batchValues(lines, /"mmproj"\s*:\s*"([^"]+)"/).filter((p) => p !== 'auto');
  return readEach(paths, (path) => mmprojFromArgument(path, env, report));
}
