/**
 * @module model-file/remote-model — a model read from the Hugging Face Hub or a URL by HTTP Range (core's
 * remote reader: a few MB of headers, never the file): a pasted `owner/repo` lists the repository's GGUF models
 * (split parts as one entry) to pick from; `owner/repo:QUANT`, a file URL or `owner/repo/FILE.gguf` are read
 * at once. The Hub's base URL and token come from hub-settings.ts; core sends the token to that endpoint only.
 * Loaded lazily with the GGUF reader.
 */

import { CliffbenchError } from '@cliffbench/core';
import {
  type GgufEntry,
  listHubGguf,
  parseRemoteModel,
  pickGgufEntry,
  type RemoteLocation,
  type RemoteOptions,
  readRemoteGguf,
} from '@cliffbench/core/gguf';
import { hubToken, savedHubEndpoint } from './hub-settings.js';
import { ggufModelFile, type ModelFile } from './read-model-file.js';

function options(signal?: AbortSignal): RemoteOptions {
  return {
    endpoint: savedHubEndpoint() || undefined,
    token: hubToken(),
    tokenHint: 'Paste a Hugging Face access token under “Hub settings”',
    ...(signal ? { signal } : {}),
  };
}

/** What a pasted text leads to: a model read, or a repository's GGUF models to pick from. */
export type RemoteLookup =
  | { readonly kind: 'model'; readonly model: ModelFile }
  | {
      readonly kind: 'list';
      readonly repo: string;
      readonly revision: string;
      readonly entries: readonly GgufEntry[];
      readonly suggested: number;
    };

/** Parses what the user pasted; throws a one-line CliffbenchError when it is not a Hub model or URL. */
export function locationOf(text: string): RemoteLocation {
  const where = parseRemoteModel(text, { endpoint: savedHubEndpoint() || undefined, bare: true });
  if (where === undefined) {
    throw new CliffbenchError(
      'unknown-model',
      `"${text.trim()}" is not a Hugging Face model or a URL: paste owner/repo, owner/repo:Q4_K_M, owner/repo/file.gguf or a link to a .gguf.`,
    );
  }
  return where;
}

/**
 * Reads a remote model; its `source` (the share link's `src=`) is the URL of the file read (the first part of a
 * split), which `locationOf` reads back to the same file — as a Hub file again where it is on the Hub endpoint set.
 */
async function read(where: RemoteLocation, signal?: AbortSignal): Promise<ModelFile> {
  const gguf = await readRemoteGguf(where, options(signal));
  return ggufModelFile(gguf, gguf.label, true, gguf.remoteBytes ?? gguf.fileBytes, gguf.urls[0]);
}

/**
 * Looks up what the user pasted: a repository without a quant lists its GGUF models (with llama.cpp's default
 * choice suggested); anything else is read.
 */
export async function lookUpRemote(text: string, signal?: AbortSignal): Promise<RemoteLookup> {
  const where = locationOf(text);
  if (where.kind === 'hub-repo' && where.quant === undefined) {
    const entries = await listHubGguf(where.repo, options(signal), where.revision);
    if (entries.length === 0) {
      throw new CliffbenchError('unknown-model', `${where.repo} has no .gguf model files.`, {
        reason: 'not-found',
      });
    }
    const suggested = entries.indexOf(pickGgufEntry(entries));
    return { kind: 'list', repo: where.repo, revision: where.revision, entries, suggested };
  }
  return { kind: 'model', model: await read(where, signal) };
}

/** Reads one entry of a repository's listing (every part of a split). */
export async function readEntry(
  repo: string,
  revision: string,
  entry: GgufEntry,
  signal?: AbortSignal,
): Promise<ModelFile> {
  const first = entry.files[0];
  if (first === undefined) throw new CliffbenchError('unknown-model', `${entry.label} has no files.`);
  return read({ kind: 'hub-file', repo, revision, path: first.path }, signal);
}
