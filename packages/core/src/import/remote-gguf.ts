/**
 * @module import/remote-gguf — GGUF headers read where they live, by HTTP Range only: a URL, or a file on the
 * Hugging Face Hub (`hf:OWNER/REPO/FILE.gguf`, or `hf:OWNER/REPO:QUANT` choosing the file from the repository's
 * listing the way llama.cpp's `-hf` does). Each request asks for `Range: bytes=a-b` and the header parser takes
 * 2 MB at a time until the header ends, so a 20 GB file costs a few MB; a server that answers with the whole
 * file (200 instead of 206) is cut off at once and refused, never downloaded. Split GGUFs (`…-00001-of-00003.gguf`)
 * are read part by part. Browser-safe: `fetch` only, no Node imports (the Hub serves CORS).
 *
 * Hub conventions (the Hugging Face clients'; huggingface_hub "Environment variables",
 * https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables): the base URL is
 * HF_ENDPOINT, default https://huggingface.co; HF_TOKEN is the access token, sent as `Authorization: Bearer` —
 * here only to that endpoint's origin, never to another host. Files are at `{endpoint}/{repo}/resolve/{rev}/{path}`;
 * the listing is `GET {endpoint}/api/models/{repo}/tree/{rev}?recursive=true` (huggingface_hub
 * `HfApi.list_repo_tree`, paginated by `Link: <…>; rel="next"`; llama.cpp's common/hf-cache.cpp
 * `get_repo_files` asks the same), whose entries carry `path`, `size` and `lfs.size`.
 */
import { CliffbenchError } from '../errors.js';
import { type GgufModel, readGgufSources } from './gguf-header.js';
import { type ByteSource, splitNameOf, splitPartPaths } from './gguf-source.js';

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

export interface RemoteOptions {
  /** The Hub's base URL (HF_ENDPOINT). @default https://huggingface.co */
  readonly endpoint?: string | undefined;
  /** A Hugging Face access token (HF_TOKEN) for gated or private repositories; sent to the endpoint only. */
  readonly token?: string | undefined;
  /** How a 401/403 message tells the user to give a token. @default "Set HF_TOKEN to a Hugging Face access token" */
  readonly tokenHint?: string;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Cancels every request (CliffbenchError 'cancelled'). */
  readonly signal?: AbortSignal;
}

/** Where a remote GGUF is. */
export type RemoteLocation =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'hub-file'; readonly repo: string; readonly revision: string; readonly path: string }
  | { readonly kind: 'hub-repo'; readonly repo: string; readonly revision: string; readonly quant?: string };

/** A `--model` value that names a remote GGUF: a URL or an `hf:` path. */
export const isRemoteModel = (text: string): boolean => /^(hf:|https?:\/\/)/i.test(text.trim());

const REPO = /^([\w.-]+\/[\w.-]+)$/;
const HUB_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);

/** `OWNER/REPO`, `OWNER/REPO:QUANT` or `OWNER/REPO/PATH.gguf` (after `hf:` or on the page). */
function hubPath(text: string): RemoteLocation | undefined {
  const t = text.replace(/^\/+/, '');
  const [owner, name, ...rest] = t.split('/');
  if (owner === undefined || name === undefined) return undefined;
  if (rest.length === 0) {
    const [repo = '', quant] = `${owner}/${name}`.split(':');
    if (!REPO.test(repo) || (quant !== undefined && !/^[\w.-]+$/.test(quant))) return undefined;
    return { kind: 'hub-repo', repo, revision: 'main', ...(quant ? { quant } : {}) };
  }
  const repo = `${owner}/${name}`;
  if (!REPO.test(repo)) return undefined;
  const path = rest.join('/');
  return path === ''
    ? { kind: 'hub-repo', repo, revision: 'main' }
    : { kind: 'hub-file', repo, revision: 'main', path };
}

/** A Hub page or file URL (`/OWNER/REPO`, `/OWNER/REPO/tree/REV`, `/OWNER/REPO/resolve|blob/REV/PATH`). */
function hubUrl(url: URL): RemoteLocation | undefined {
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  const [owner, name, verb, revision, ...path] = segments;
  if (owner === undefined || name === undefined || owner === 'api') return undefined;
  const repo = `${owner}/${name}`;
  if (!REPO.test(repo) || /\.gguf$/i.test(name)) return undefined;
  if (verb === undefined) return { kind: 'hub-repo', repo, revision: 'main' };
  if (verb === 'tree' && revision !== undefined && path.length === 0)
    return { kind: 'hub-repo', repo, revision };
  if ((verb === 'resolve' || verb === 'blob') && revision !== undefined && path.length > 0)
    return { kind: 'hub-file', repo, revision, path: path.join('/') };
  return undefined;
}

/**
 * Where `text` points: `hf:OWNER/REPO/FILE.gguf`, `hf:OWNER/REPO[:QUANT]`, a Hugging Face URL (of the Hub or of
 * `endpoint`: read at `endpoint`, so a mirror set in HF_ENDPOINT serves pasted huggingface.co links), any other
 * http(s) URL, or with `bare` (the page) `OWNER/REPO[:QUANT]` and `OWNER/REPO/FILE.gguf` without `hf:`.
 * Undefined when it is none of these.
 */
export function parseRemoteModel(
  text: string,
  options: { readonly endpoint?: string | undefined; readonly bare?: boolean } = {},
): RemoteLocation | undefined {
  const t = text.trim();
  if (/^hf:/i.test(t)) return hubPath(t.slice(3));
  if (/^https?:\/\//i.test(t)) {
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      return undefined;
    }
    const endpoint = new URL(options.endpoint ?? DEFAULT_HUB_ENDPOINT);
    const isHub = HUB_HOSTS.has(url.hostname) || url.origin === endpoint.origin;
    return (isHub ? hubUrl(url) : undefined) ?? { kind: 'url', url: url.href };
  }
  return options.bare ? hubPath(t) : undefined;
}

const endpointOf = (options: RemoteOptions): string =>
  (options.endpoint?.trim() || DEFAULT_HUB_ENDPOINT).replace(/\/+$/, '');

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The URL of a file on the Hub: `{endpoint}/{repo}/resolve/{revision}/{path}`. */
export function hubFileUrl(
  repo: string,
  path: string,
  options: RemoteOptions = {},
  revision = 'main',
): string {
  return `${endpointOf(options)}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;
}

/** Request headers for `url`: the token goes to the Hub endpoint's origin only. */
function headersFor(url: string, options: RemoteOptions): Record<string, string> {
  const token = options.token?.trim();
  if (!token) return {};
  return new URL(url).origin === new URL(endpointOf(options)).origin
    ? { Authorization: `Bearer ${token}` }
    : {};
}

const MB = 1e6;
const sizeText = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;

/** What failed, for `detail.reason`. */
export type RemoteFailure = 'not-found' | 'unauthorized' | 'no-range' | 'network' | 'http-status';

function remoteError(
  reason: RemoteFailure,
  message: string,
  detail: Record<string, unknown>,
): CliffbenchError {
  return new CliffbenchError(reason === 'not-found' ? 'unknown-model' : 'model-unreachable', message, {
    reason,
    ...detail,
  });
}

function cancelled(url: string): CliffbenchError {
  return new CliffbenchError('cancelled', `Cancelled while reading ${url}.`, { url });
}

function networkError(url: string, error: unknown): CliffbenchError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return remoteError(
    'network',
    `Cannot reach ${new URL(url).origin} (${why}): a network failure (offline, DNS, connection refused, or a cross-origin request the browser blocked).`,
    { url, cause: why },
  );
}

/** A one-line error for an HTTP status other than 206/200 (`what` names the file or listing asked for). */
function statusError(response: Response, url: string, what: string, options: RemoteOptions): CliffbenchError {
  const status = response.status;
  const code = response.headers.get('x-error-code') ?? '';
  const detail = { url, status, ...(code ? { hubError: code } : {}) };
  const isHub =
    new URL(url).origin === new URL(endpointOf(options)).origin || HUB_HOSTS.has(new URL(url).hostname);
  if (status === 404 || /NotFound$/.test(code)) {
    return remoteError(
      'not-found',
      `${what} was not found (HTTP ${status}${code ? ` ${code}` : ''}): check the repository and file name.`,
      detail,
    );
  }
  if (status === 401 || status === 403) {
    const hint = options.tokenHint ?? 'Set HF_TOKEN to a Hugging Face access token';
    const message = !isHub
      ? `${what} needs authorisation (HTTP ${status}); cliffbench sends HF_TOKEN only to the Hugging Face endpoint (${endpointOf(options)}).`
      : options.token?.trim()
        ? `${what} refused the token given (HTTP ${status}${code ? ` ${code}` : ''}): the repository is gated or private; check that the token's account has accepted the model's terms on its page and may read it.`
        : `${what} needs a token (HTTP ${status}${code ? ` ${code}` : ''}): the repository is gated or private (or does not exist). ${hint} whose account has accepted the model's terms.`;
    return remoteError('unauthorized', message, detail);
  }
  return remoteError('http-status', `${what}: HTTP ${status} ${response.statusText}`.trim(), detail);
}

/** `Content-Range: bytes a-b/total` (or `bytes * /total`). */
function contentRange(response: Response): { start?: number; total?: number } {
  const m = /bytes\s+(?:(\d+)-\d+|\*)\s*\/\s*(\d+|\*)/i.exec(response.headers.get('content-range') ?? '');
  if (m === null) return {};
  return {
    ...(m[1] === undefined ? {} : { start: Number(m[1]) }),
    ...(m[2] === undefined || m[2] === '*' ? {} : { total: Number(m[2]) }),
  };
}

/** The body, but never more than `max` bytes of it: the rest is aborted. */
async function readAtMost(response: Response, max: number, abort: () => void): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    if (total >= max) {
      if (total > max) abort();
      else await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const out = new Uint8Array(Math.min(total, max));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.length, out.length - at));
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A source over a URL read with `Range` requests. Its size comes from `knownSize` (the Hub's listing) or the
 * first `Content-Range`. A 200 answer (the server ignores Range) is accepted only when the whole file is no
 * larger than the range asked for; otherwise the body is aborted and the read fails ('no-range').
 */
export function httpSource(url: string, options: RemoteOptions = {}, knownSize?: number): ByteSource {
  const f = options.fetch ?? globalThis.fetch;
  const headers = headersFor(url, options);
  let size = knownSize;
  let bytesRead = 0;
  const name = url;
  return {
    name,
    get size() {
      return size;
    },
    get bytesRead() {
      return bytesRead;
    },
    async read(start, end) {
      const stop = size === undefined ? end : Math.min(end, size);
      if (start >= stop) return new Uint8Array(0);
      if (options.signal?.aborted) throw cancelled(url);
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        let response: Response;
        try {
          response = await f(url, {
            headers: { ...headers, Range: `bytes=${start}-${stop - 1}` },
            signal: controller.signal,
          });
        } catch (error) {
          throw options.signal?.aborted ? cancelled(url) : networkError(url, error);
        }
        if (response.status === 206) {
          const range = contentRange(response);
          if (range.total !== undefined) size = range.total;
          if (range.start !== undefined && range.start !== start) {
            controller.abort();
            throw remoteError(
              'http-status',
              `${url} answered a request for bytes ${start}- with bytes ${range.start}-: a broken Range server.`,
              { url },
            );
          }
          const bytes = await readAtMost(response, stop - start, onAbort);
          bytesRead += bytes.length;
          if (bytes.length < stop - start && size === undefined) size = start + bytes.length;
          return bytes;
        }
        if (response.status === 200) {
          const length = Number(response.headers.get('content-length') ?? Number.NaN);
          if (start === 0 && Number.isFinite(length) && length <= stop) {
            // The whole file is no larger than the range asked for: this is not a download of more.
            size = length;
            const bytes = await readAtMost(response, length, onAbort);
            bytesRead += bytes.length;
            return bytes;
          }
          controller.abort();
          const whole = Number.isFinite(length) ? `whole ${sizeText(length)} file` : 'whole file';
          throw remoteError(
            'no-range',
            `${url} answered a Range request with the ${whole} (HTTP 200, not 206 Partial Content): the server does not serve byte ranges, and cliffbench reads only the header, never a whole model. Use a server with Range support (Hugging Face has it) or a local copy.`,
            { url, status: 200 },
          );
        }
        if (response.status === 416) {
          // Asked past the end: nothing there. `bytes */TOTAL` says where the end is.
          controller.abort();
          size = contentRange(response).total ?? start;
          return new Uint8Array(0);
        }
        controller.abort();
        throw statusError(response, url, url, options);
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

/** A file in a Hub listing. */
export interface HubFile {
  readonly path: string;
  /** Bytes (`lfs.size` for large files). */
  readonly size?: number;
}

/** A model in a Hub repository: one .gguf, or every part of a split. */
export interface GgufEntry {
  /** The file's path, or for a split its prefix and part count: "DIR/model-Q4_K_M (3 parts)". */
  readonly label: string;
  /** The quant tag in its name (the part after the last '-' or '.'), upper case: "Q4_K_M", "Q4_K_XL", "BF16". */
  readonly quant?: string;
  /** Every file of it, in part order, with its size when the listing gives it. */
  readonly files: readonly HubFile[];
  /** All parts together, when the listing gives every size. */
  readonly bytes?: number;
}

/**
 * A .gguf that is a model, not a projector, importance matrix or draft head: the names llama.cpp's
 * common/download.cpp skips when it picks the model (gguf_filename_is_model).
 */
function isModelFile(path: string): boolean {
  if (!/\.gguf$/i.test(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !/mmproj|imatrix|mtp-|eagle3-|dflash-|dspark-/i.test(name);
}

/** The quant tag of a path, as llama.cpp's get_gguf_split_info reads it: `[-.]([A-Z0-9_]+)$` before ".gguf". */
function quantTagOf(path: string): string | undefined {
  const prefix = splitNameOf(path)?.prefix ?? path.replace(/\.gguf$/i, '');
  return /[-.]([A-Z0-9_]+)$/i.exec(prefix)?.[1]?.toUpperCase();
}

/**
 * The models among a repository's files, in listing order: each .gguf model file alone, and the parts of a
 * split (same prefix and part count, llama.cpp's get_split_files) as one entry. Projectors and importance
 * matrices are left out.
 * @throws CliffbenchError 'invalid-gguf' when a split's parts are not all listed.
 */
export function ggufEntriesOf(files: readonly HubFile[]): GgufEntry[] {
  const groups = new Map<string, HubFile[]>();
  for (const file of files) {
    if (!isModelFile(file.path)) continue;
    const split = splitNameOf(file.path);
    const key = split
      ? `split\u0000${split.prefix.toLowerCase()}\u0000${split.count}`
      : `file\u0000${file.path}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [file]);
    else group.push(file);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as HubFile;
    const split = splitNameOf(first.path);
    const quant = quantTagOf(first.path);
    const parts = split
      ? [...group].sort((a, b) => (splitNameOf(a.path)?.index ?? 0) - (splitNameOf(b.path)?.index ?? 0))
      : group;
    const label = split ? `${split.prefix} (${split.count} parts)` : first.path;
    if (split) {
      const indices = parts.map((p) => splitNameOf(p.path)?.index);
      if (parts.length !== split.count || indices.some((n, i) => n !== i + 1)) {
        throw new CliffbenchError(
          'invalid-gguf',
          `${label}: the listing has parts ${indices.join(', ')} of ${split.count}, not all of them.`,
          { paths: parts.map((p) => p.path) },
        );
      }
    }
    const sizes = parts.map((p) => p.size);
    const bytes = sizes.every((x) => x !== undefined) ? sizes.reduce((t, x) => t + (x ?? 0), 0) : undefined;
    return { label, ...(quant ? { quant } : {}), files: parts, ...(bytes === undefined ? {} : { bytes }) };
  });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The entry `hf:OWNER/REPO[:QUANT]` means, chosen as llama.cpp's `-hf` chooses (common/download.cpp,
 * find_best_model): the first model file in listing order whose path matches QUANT followed by '.' or '-'
 * (case-insensitive, so `:q4_k_m` finds "…-Q4_K_M.gguf" and "…-Q4_K_M-00001-of-00003.gguf"); without a
 * QUANT, Q4_K_M, then Q8_0, then the first model file.
 * @throws CliffbenchError 'unknown-model' naming the quants the repository has when none matches.
 */
export function pickGgufEntry(
  entries: readonly GgufEntry[],
  quant?: string,
  repo = 'the repository',
): GgufEntry {
  const tags = quant ? [quant] : ['Q4_K_M', 'Q8_0'];
  for (const tag of tags) {
    const pattern = new RegExp(`${escapeRegExp(tag)}[.-]`, 'i');
    const found = entries.find((e) => e.files[0] !== undefined && pattern.test(e.files[0].path));
    if (found !== undefined) return found;
  }
  if (!quant && entries[0] !== undefined) return entries[0];
  const have = [...new Set(entries.map((e) => e.quant ?? e.label))];
  throw new CliffbenchError(
    'unknown-model',
    entries.length === 0
      ? `${repo} has no .gguf model files.`
      : `No GGUF file in ${repo} matches "${quant}"; it has: ${have.slice(0, 24).join(', ')}${have.length > 24 ? ', …' : ''}.`,
    { reason: 'not-found', quant, available: have },
  );
}

/** One page of the tree listing, and the next page's URL from its `Link` header. */
async function listingPage(
  url: string,
  what: string,
  options: RemoteOptions,
): Promise<{ files: HubFile[]; next?: string }> {
  const f = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await f(url, {
      headers: { Accept: 'application/json', ...headersFor(url, options) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw options.signal?.aborted ? cancelled(url) : networkError(url, error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw statusError(response, url, what, options);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw remoteError('http-status', `${url} did not answer with a JSON listing.`, { url });
  }
  if (!Array.isArray(json))
    throw remoteError('http-status', `${url} did not answer with a file listing.`, { url });
  const files = json.flatMap((item: unknown): HubFile[] => {
    const i = item as { type?: string; path?: unknown; size?: unknown; lfs?: { size?: unknown } };
    if (i?.type !== 'file' || typeof i.path !== 'string') return [];
    const size =
      typeof i.lfs?.size === 'number' ? i.lfs.size : typeof i.size === 'number' ? i.size : undefined;
    return [{ path: i.path, ...(size === undefined ? {} : { size }) }];
  });
  const next = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(response.headers.get('link') ?? '')?.[1];
  return { files, ...(next ? { next: new URL(next, url).href } : {}) };
}

const MAX_LISTING_PAGES = 50;

/** Every file of a Hub model repository (recursively), in the listing's order. */
export async function listHubFiles(
  repo: string,
  options: RemoteOptions = {},
  revision = 'main',
): Promise<HubFile[]> {
  let url: string | undefined =
    `${endpointOf(options)}/api/models/${repo}/tree/${encodeURIComponent(revision)}?recursive=true`;
  const files: HubFile[] = [];
  for (let page = 0; url !== undefined && page < MAX_LISTING_PAGES; page++) {
    const got: { files: HubFile[]; next?: string } = await listingPage(
      url,
      `The model repository ${repo}`,
      options,
    );
    files.push(...got.files);
    url = got.next;
  }
  return files;
}

/** The GGUF models of a Hub repository (split parts grouped). */
export async function listHubGguf(
  repo: string,
  options: RemoteOptions = {},
  revision = 'main',
): Promise<GgufEntry[]> {
  return ggufEntriesOf(await listHubFiles(repo, options, revision));
}

/** A GGUF read over HTTP. */
export interface RemoteGgufModel extends GgufModel {
  /** What was read, for display: "OWNER/REPO/FILE.gguf" (the first part of a split) or the URL. */
  readonly label: string;
  /** The URL of every part read. */
  readonly urls: readonly string[];
  /** The file's size, all parts together, when the server said. */
  readonly remoteBytes?: number;
}

/** A URL's split siblings: the numbering is in its path; any query string is kept on each. */
function urlParts(url: string): string[] {
  const u = new URL(url);
  return splitPartPaths(u.pathname).map((p) => {
    const part = new URL(u.href);
    part.pathname = p;
    return part.href;
  });
}

/**
 * Reads the header of a remote GGUF (every part of a split) by HTTP Range. `location` is what
 * `parseRemoteModel` takes (or its result): a URL, `hf:OWNER/REPO/FILE.gguf`, `hf:OWNER/REPO[:QUANT]`.
 * @throws CliffbenchError 'unknown-model' (`detail.reason` not-found), 'model-unreachable' (`detail.reason`:
 *   unauthorized, no-range, network, http-status), 'invalid-gguf' (not a GGUF, header cut short), 'unsupported-architecture' or 'cancelled'.
 */
export async function readRemoteGguf(
  location: string | RemoteLocation,
  options: RemoteOptions = {},
): Promise<RemoteGgufModel> {
  const where =
    typeof location === 'string'
      ? parseRemoteModel(location, { endpoint: endpointOf(options), bare: true })
      : location;
  if (where === undefined) {
    throw new CliffbenchError(
      'unknown-model',
      `"${String(location)}" is not a URL or a Hugging Face model (hf:OWNER/REPO/FILE.gguf, hf:OWNER/REPO:QUANT).`,
    );
  }
  let files: { url: string; size?: number }[];
  let label: string;
  if (where.kind === 'url') {
    files = urlParts(where.url).map((url) => ({ url }));
    label = where.url;
  } else if (where.kind === 'hub-file') {
    const paths = splitPartPaths(where.path);
    files = paths.map((p) => ({ url: hubFileUrl(where.repo, p, options, where.revision) }));
    label = `${where.repo}/${paths[0]}`;
  } else {
    const entries = await listHubGguf(where.repo, options, where.revision);
    const entry = pickGgufEntry(entries, where.quant, where.repo);
    files = entry.files.map((f) => ({
      url: hubFileUrl(where.repo, f.path, options, where.revision),
      ...(f.size === undefined ? {} : { size: f.size }),
    }));
    label = `${where.repo}/${entry.files[0]?.path}`;
  }
  const sources = files.map((f) => httpSource(f.url, options, f.size));
  const model = await readGgufSources(sources);
  const sizes = sources.map((s) => s.size);
  const remoteBytes = sizes.every((s) => s !== undefined)
    ? sizes.reduce((a, s) => a + (s ?? 0), 0)
    : undefined;
  return {
    ...model,
    label,
    urls: files.map((f) => f.url),
    ...(remoteBytes === undefined ? {} : { remoteBytes }),
  };
}
