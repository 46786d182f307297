/**
 * Test helper: a local HTTP server that serves GGUF files the way the Hugging Face Hub does, for the remote
 * reader's tests (never the internet). A file is its header bytes followed by zeros up to a declared size, so a
 * "20 GB" file costs nothing until someone asks for its bytes; every byte written is counted. Serves
 * `/{owner}/{repo}/resolve/{rev}/{path}` (redirected, as the Hub does, to `/cdn/...`), any other path as a plain
 * file, and `/api/models/{owner}/{repo}/tree/{rev}` as the Hub's JSON listing. Range requests get 206 with
 * `Content-Range: bytes a-b/TOTAL`; CORS is open, exposing Content-Range (the page's e2e fetches from here).
 * Switches: `noRange` (answer every request 200 with the whole body, as a server without Range support does),
 * `token` (401 GatedRepo without `Authorization: Bearer TOKEN`), `status` (a fixed status for matching paths).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  /** The first bytes (a GGUF header); the rest of the file reads as zeros. */
  readonly bytes: Uint8Array;
  /** The file's declared size, bytes. @default bytes.length */
  readonly size?: number;
}

export interface RangeServerOptions {
  /** Ignore Range and answer 200 with the whole file. */
  noRange?: boolean;
  /** Require `Authorization: Bearer <token>` for repository files and listings (a gated repo). */
  token?: string;
  /** A status to answer for paths containing a key (e.g. { 'missing.gguf': 404 }). */
  status?: Record<string, number>;
}

export interface RequestLog {
  readonly method: string;
  readonly path: string;
  readonly range?: string;
  readonly authorization?: string;
  status: number;
  /** Body bytes written for this request. */
  bytes: number;
}

export interface RangeServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Files by path without the leading '/': 'owner/repo/model.gguf' (served under /owner/repo/resolve/main/…), or 'files/x.gguf'. */
  readonly files: Map<string, ServedFile>;
  readonly options: RangeServerOptions;
  readonly log: RequestLog[];
  /** Body bytes written in all, listings included. */
  bytesSent(): number;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Range, Authorization, Accept',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, X-Error-Code, Link',
};

/** Bytes [start, end) of a served file: its header bytes, then zeros. */
function slice(file: ServedFile, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  if (start < file.bytes.length) out.set(file.bytes.subarray(start, Math.min(end, file.bytes.length)));
  return out;
}

const sizeOf = (file: ServedFile): number => file.size ?? file.bytes.length;

/** Writes [start, end) of `file` in 1 MiB chunks, following back-pressure and stopping when the client goes. */
async function stream(res: ServerResponse, file: ServedFile, start: number, end: number, entry: RequestLog) {
  const CHUNK = 2 ** 20;
  for (let at = start; at < end; at += CHUNK) {
    if (res.destroyed || res.writableEnded) return;
    const chunk = slice(file, at, Math.min(end, at + CHUNK));
    entry.bytes += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}

function listing(server: RangeServer, repo: string): unknown[] {
  const prefix = `${repo}/`;
  return [...server.files.entries()]
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, file]) => {
      const size = sizeOf(file);
      return {
        type: 'file',
        oid: 'x',
        size,
        path: path.slice(prefix.length),
        lfs: { oid: 'y', size, pointerSize: 134 },
      };
    });
}

export async function startRangeServer(options: RangeServerOptions = {}): Promise<RangeServer> {
  const files = new Map<string, ServedFile>();
  const log: RequestLog[] = [];
  let url = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const entry: RequestLog = {
      method: req.method ?? 'GET',
      path,
      ...(req.headers.range ? { range: req.headers.range } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      status: 0,
      bytes: 0,
    };
    log.push(entry);
    const send = (status: number, headers: Record<string, string | number>, body?: string) => {
      entry.status = status;
      res.writeHead(status, { ...CORS, ...headers });
      if (body !== undefined) entry.bytes += Buffer.byteLength(body);
      res.end(body);
    };
    if (req.method === 'OPTIONS') return send(204, {});
    for (const [key, status] of Object.entries(options.status ?? {})) {
      if (path.includes(key)) return send(status, { 'Content-Type': 'text/plain' }, `status ${status}`);
    }
    const api = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/[^/]+\/?$/.exec(path);
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path);
    const cdn = /^\/cdn\/(.+)$/.exec(path);
    const repo = api?.[1] ?? resolve?.[1] ?? cdn?.[1]?.split('/').slice(0, 2).join('/');
    if (
      options.token !== undefined &&
      repo !== undefined &&
      req.headers.authorization !== `Bearer ${options.token}`
    ) {
      return send(401, { 'Content-Type': 'text/plain', 'X-Error-Code': 'GatedRepo' }, 'gated');
    }
    if (api?.[1] !== undefined) {
      const items = listing(server, api[1]);
      if (items.length === 0)
        return send(404, { 'X-Error-Code': 'RepoNotFound' }, '{"error":"Repository not found"}');
      return send(200, { 'Content-Type': 'application/json' }, JSON.stringify(items));
    }
    if (resolve?.[1] !== undefined && resolve[2] !== undefined) {
      const key = `${resolve[1]}/${resolve[2]}`;
      if (!files.has(key)) return send(404, { 'X-Error-Code': 'EntryNotFound' }, 'Entry not found');
      // The Hub redirects large files to its CDN; Range and the request travel on.
      return send(302, { Location: `${url}/cdn/${key.split('/').map(encodeURIComponent).join('/')}` }, '');
    }
    const file = files.get(cdn?.[1] ?? path.slice(1));
    if (file === undefined) return send(404, { 'Content-Type': 'text/plain' }, 'not found');
    const size = sizeOf(file);
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (options.noRange || range === null) {
      entry.status = 200;
      res.writeHead(200, { ...CORS, 'Content-Length': size, 'Content-Type': 'application/octet-stream' });
      return stream(res, file, 0, size, entry);
    }
    const start = Number(range[1]);
    const end = Math.min(size, range[2] === '' ? size : Number(range[2]) + 1);
    if (start >= size) return send(416, { 'Content-Range': `bytes */${size}` }, '');
    entry.status = 206;
    res.writeHead(206, {
      ...CORS,
      'Accept-Ranges': 'bytes',
      'Content-Range': `bytes ${start}-${end - 1}/${size}`,
      'Content-Length': end - start,
      'Content-Type': 'application/octet-stream',
    });
    return stream(res, file, start, end, entry);
  };
  const http: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const server: RangeServer = {
    url,
    files,
    options,
    log,
    bytesSent: () => log.reduce((a, e) => a + e.bytes, 0),
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  return server;
}
