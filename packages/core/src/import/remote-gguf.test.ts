import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import { bigTokenizer, ggufFixture, splitGgufFixture } from '../../test/gguf-files.js';
import { type RangeServer, startRangeServer } from '../../test/range-server.js';
import type { CliffbenchError } from '../errors.js';
import { readGgufHeader } from './gguf-header.js';
import {
  ggufEntriesOf,
  type HubFile,
  hubFileUrl,
  isRemoteModel,
  parseRemoteModel,
  pickGgufEntry,
  readRemoteGguf,
} from './remote-gguf.js';

const MiB = 2 ** 20;

describe('parseRemoteModel', () => {
  it('reads hf: paths, Hub URLs (at the endpoint set), other URLs, and bare repos only on the page', () => {
    expect(parseRemoteModel('hf:unsloth/gemma-3-27b-it-GGUF:Q4_K_M')).toEqual({
      kind: 'hub-repo',
      repo: 'unsloth/gemma-3-27b-it-GGUF',
      revision: 'main',
      quant: 'Q4_K_M',
    });
    expect(parseRemoteModel('hf:o/r/BF16/m-BF16-00001-of-00002.gguf')).toEqual({
      kind: 'hub-file',
      repo: 'o/r',
      revision: 'main',
      path: 'BF16/m-BF16-00001-of-00002.gguf',
    });
    expect(parseRemoteModel('hf:o/r')).toEqual({ kind: 'hub-repo', repo: 'o/r', revision: 'main' });
    expect(parseRemoteModel('https://huggingface.co/o/r/blob/v2/m-Q8_0.gguf')).toEqual({
      kind: 'hub-file',
      repo: 'o/r',
      revision: 'v2',
      path: 'm-Q8_0.gguf',
    });
    expect(parseRemoteModel('https://hf.co/o/r')).toEqual({
      kind: 'hub-repo',
      repo: 'o/r',
      revision: 'main',
    });
    expect(
      parseRemoteModel('http://mirror.test/o/r/resolve/main/a.gguf', { endpoint: 'http://mirror.test' }),
    ).toEqual({ kind: 'hub-file', repo: 'o/r', revision: 'main', path: 'a.gguf' });
    expect(parseRemoteModel('http://mirror.test/files/a.gguf', { endpoint: 'http://mirror.test' })).toEqual({
      kind: 'url',
      url: 'http://mirror.test/files/a.gguf',
    });
    expect(parseRemoteModel('https://example.com/models/a.gguf?x=1')).toEqual({
      kind: 'url',
      url: 'https://example.com/models/a.gguf?x=1',
    });
    expect(parseRemoteModel('o/r:Q4_K_M')).toBeUndefined();
    expect(parseRemoteModel('o/r:Q4_K_M', { bare: true })).toMatchObject({
      kind: 'hub-repo',
      quant: 'Q4_K_M',
    });
    expect(parseRemoteModel('hf:not a repo')).toBeUndefined();
    expect(isRemoteModel('hf:o/r')).toBe(true);
    expect(isRemoteModel('./models/a.gguf')).toBe(false);
    expect(hubFileUrl('o/r', 'Q4 K/m.gguf', { endpoint: 'http://h/' })).toBe(
      'http://h/o/r/resolve/main/Q4%20K/m.gguf',
    );
  });
});

/** A listing shaped like an Unsloth repository's (names as on the Hub; sizes made up). */
const listing: HubFile[] = [
  { path: '.gitattributes', size: 3000 },
  { path: 'BF16/gemma-3-27b-it-BF16-00002-of-00002.gguf', size: 20e9 },
  { path: 'BF16/gemma-3-27b-it-BF16-00001-of-00002.gguf', size: 34e9 },
  { path: 'README.md', size: 9000 },
  { path: 'gemma-3-27b-it-Q4_K_M.gguf', size: 16.5e9 },
  { path: 'gemma-3-27b-it-Q8_0.gguf', size: 28.7e9 },
  { path: 'gemma-3-27b-it-UD-Q4_K_XL.gguf', size: 16.8e9 },
  { path: 'imatrix_unsloth.gguf', size: 1e7 },
  { path: 'mmproj-F16.gguf', size: 8.5e8 },
];

describe('ggufEntriesOf and pickGgufEntry (llama.cpp -hf repo:quant)', () => {
  const entries = ggufEntriesOf(listing);

  it('lists each model once, split parts grouped in order, projectors and imatrix left out', () => {
    expect(entries.map((e) => [e.label, e.quant, e.files.length, e.bytes])).toEqual([
      ['BF16/gemma-3-27b-it-BF16 (2 parts)', 'BF16', 2, 54e9],
      ['gemma-3-27b-it-Q4_K_M.gguf', 'Q4_K_M', 1, 16.5e9],
      ['gemma-3-27b-it-Q8_0.gguf', 'Q8_0', 1, 28.7e9],
      ['gemma-3-27b-it-UD-Q4_K_XL.gguf', 'Q4_K_XL', 1, 16.8e9],
    ]);
    expect(entries[0]?.files.map((f) => f.path)).toEqual([
      'BF16/gemma-3-27b-it-BF16-00001-of-00002.gguf',
      'BF16/gemma-3-27b-it-BF16-00002-of-00002.gguf',
    ]);
  });

  it('picks by quant case-insensitively, Q4_K_M then Q8_0 by default, and names what there is otherwise', () => {
    expect(pickGgufEntry(entries).label).toBe('gemma-3-27b-it-Q4_K_M.gguf');
    expect(pickGgufEntry(entries, 'q8_0').label).toBe('gemma-3-27b-it-Q8_0.gguf');
    expect(pickGgufEntry(entries, 'UD-Q4_K_XL').label).toBe('gemma-3-27b-it-UD-Q4_K_XL.gguf');
    expect(pickGgufEntry(entries, 'Q4_K_XL').label).toBe('gemma-3-27b-it-UD-Q4_K_XL.gguf');
    expect(pickGgufEntry(entries, 'BF16').files).toHaveLength(2);
    expect(pickGgufEntry(entries.slice(2)).label).toBe('gemma-3-27b-it-Q8_0.gguf');
    expect(pickGgufEntry(entries.slice(3)).label).toBe('gemma-3-27b-it-UD-Q4_K_XL.gguf');
    const e = (() => {
      try {
        pickGgufEntry(entries, 'Q2_K', 'unsloth/gemma-3-27b-it-GGUF');
      } catch (error) {
        return error as CliffbenchError;
      }
      return undefined;
    })();
    expect(e?.message).toBe(
      'No GGUF file in unsloth/gemma-3-27b-it-GGUF matches "Q2_K"; it has: BF16, Q4_K_M, Q8_0, Q4_K_XL.',
    );
  });

  it('refuses a split whose parts are not all listed', () => {
    expect(() => ggufEntriesOf(listing.filter((f) => !f.path.includes('00002-of')))).toThrow(
      /parts 1 of 2, not all of them/,
    );
  });
});

describe('readRemoteGguf against a local Range server', () => {
  let server: RangeServer;
  const big = ggufFixture('gemma-4-31b', 'Q4_K_M');
  beforeAll(async () => {
    server = await startRangeServer();
    server.files.set('files/gemma-4-31b-Q4_K_M.gguf', big);
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.log.length = 0;
    server.options.noRange = false;
    delete server.options.token;
  });

  it('reads a multi-GB file by Range, fetching a few MiB, never the data', async () => {
    expect(big.size).toBeGreaterThan(15e9);
    const model = await readRemoteGguf(`${server.url}/files/gemma-4-31b-Q4_K_M.gguf`);
    const local = await readGgufHeader(big.bytes);
    expect(model.tensors).toEqual(local.tensors);
    expect(model.architecture).toEqual(local.architecture);
    expect(model.fileType).toBe('Q4_K_M');
    expect(model.fileBytes).toBe(big.size);
    expect(model.remoteBytes).toBe(big.size);
    expect(model.warnings).toEqual([]);
    expect(server.log.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? ''))).toBe(true);
    expect(server.bytesSent()).toBeLessThanOrEqual(4 * MiB);
    expect(model.bytesRead).toBe(server.bytesSent());
    console.info(
      `multi-GB read: ${server.bytesSent()} bytes fetched in ${server.log.length} request(s) of a ${big.size}-byte file (header ${big.bytes.length} bytes)`,
    );
  });

  it('grows the fetched prefix only until a large header ends', async () => {
    const large = ggufFixture('llama-2-7b', 'Q4_K_M', bigTokenizer(6.5e6));
    expect(large.bytes.length).toBeGreaterThan(6e6);
    server.files.set('files/big-vocab.gguf', large);
    const model = await readRemoteGguf(`${server.url}/files/big-vocab.gguf`);
    expect(model.tensors).toHaveLength(large.tensors.length);
    expect(server.bytesSent()).toBeGreaterThanOrEqual(large.bytes.length);
    expect(server.bytesSent()).toBeLessThanOrEqual(large.bytes.length + 2.5e6);
    expect(server.log.length).toBeGreaterThan(2);
    console.info(
      `large header: ${large.bytes.length} bytes, ${server.bytesSent()} fetched in ${server.log.length} requests`,
    );
  });

  it('reads hf:OWNER/REPO/FILE at HF_ENDPOINT through the Hub redirect, and hf:OWNER/REPO:QUANT from the listing', async () => {
    const q4 = ggufFixture('qwen3-8b', 'Q4_K_M');
    const parts = splitGgufFixture('qwen3-8b', 'Q8_0', 3);
    server.files.set('acme/qwen3-8b-GGUF/qwen3-8b-Q4_K_M.gguf', q4);
    server.files.set('acme/qwen3-8b-GGUF/mmproj-qwen3-8b-F16.gguf', q4);
    parts.forEach((p, i) => {
      server.files.set(`acme/qwen3-8b-GGUF/Q8_0/qwen3-8b-Q8_0-0000${i + 1}-of-00003.gguf`, p);
    });
    const endpoint = server.url;
    const file = await readRemoteGguf('hf:acme/qwen3-8b-GGUF/qwen3-8b-Q4_K_M.gguf', { endpoint });
    expect(file.label).toBe('acme/qwen3-8b-GGUF/qwen3-8b-Q4_K_M.gguf');
    expect(file.fileType).toBe('Q4_K_M');
    expect(server.log.map((r) => r.status)).toEqual([302, 206]);

    server.log.length = 0;
    const split = await readRemoteGguf('hf:acme/qwen3-8b-GGUF:q8_0', { endpoint });
    expect(split.parts).toBe(3);
    expect(split.fileType).toBe('Q8_0');
    expect(split.tensors).toHaveLength(parts.reduce((a, p) => a + p.tensors.length, 0));
    expect(split.fileBytes).toBe(parts.reduce((a, p) => a + p.size, 0));
    expect(split.label).toBe('acme/qwen3-8b-GGUF/Q8_0/qwen3-8b-Q8_0-00001-of-00003.gguf');
    expect(server.log[0]?.path).toBe('/api/models/acme/qwen3-8b-GGUF/tree/main');
    expect(server.log.filter((r) => r.status === 206)).toHaveLength(3);

    const byDefault = await readRemoteGguf('hf:acme/qwen3-8b-GGUF', { endpoint });
    expect(byDefault.fileType).toBe('Q4_K_M');
    // A part's URL finds its siblings by the split naming, without a listing.
    server.log.length = 0;
    const fromPart = await readRemoteGguf(
      `${server.url}/acme/qwen3-8b-GGUF/resolve/main/Q8_0/qwen3-8b-Q8_0-00002-of-00003.gguf`,
      { endpoint },
    );
    expect(fromPart.parts).toBe(3);
    expect(server.log.some((r) => r.path.startsWith('/api/'))).toBe(false);
  });

  it('sends HF_TOKEN to a gated repository at the endpoint, and to no other host', async () => {
    server.files.set('gated/m-GGUF/m-Q4_K_M.gguf', ggufFixture('llama-2-7b'));
    server.options.token = 'hf_secret';
    const e = await errorOf(readRemoteGguf('hf:gated/m-GGUF:Q4_K_M', { endpoint: server.url }));
    expect(e.code).toBe('model-unreachable');
    expect(e.detail.reason).toBe('unauthorized');
    expect(e.message).toBe(
      "The model repository gated/m-GGUF needs a token (HTTP 401 GatedRepo): the repository is gated or private (or does not exist). Set HF_TOKEN to a Hugging Face access token whose account has accepted the model's terms.",
    );
    const wrong = await errorOf(
      readRemoteGguf('hf:gated/m-GGUF:Q4_K_M', { endpoint: server.url, token: 'nope' }),
    );
    expect(wrong.message).toMatch(/refused the token given \(HTTP 401 GatedRepo\)/);
    const ok = await readRemoteGguf('hf:gated/m-GGUF:Q4_K_M', { endpoint: server.url, token: 'hf_secret' });
    expect(ok.fileType).toBe('Q4_K_M');
    expect(
      server.log.filter((r) => r.status !== 401).every((r) => r.authorization === 'Bearer hf_secret'),
    ).toBe(true);
    server.log.length = 0;
    // The same server as a plain URL while the Hub is elsewhere: the token stays home.
    const other = await errorOf(
      readRemoteGguf(`${server.url}/gated/m-GGUF/resolve/main/m-Q4_K_M.gguf`, {
        endpoint: 'https://huggingface.co',
        token: 'hf_secret',
      }),
    );
    expect(server.log.every((r) => r.authorization === undefined)).toBe(true);
    expect(other.message).toContain('cliffbench sends HF_TOKEN only to the Hugging Face endpoint');
  });

  it('says 404 for a missing file or repository', async () => {
    const file = await errorOf(readRemoteGguf(`${server.url}/files/missing.gguf`));
    expect(file.detail.reason).toBe('not-found');
    expect(file.message).toBe(
      `${server.url}/files/missing.gguf was not found (HTTP 404): check the repository and file name.`,
    );
    const repo = await errorOf(readRemoteGguf('hf:nobody/nothing:Q4_K_M', { endpoint: server.url }));
    expect(repo.message).toBe(
      'The model repository nobody/nothing was not found (HTTP 404 RepoNotFound): check the repository and file name.',
    );
    const entry = await errorOf(readRemoteGguf('hf:acme/qwen3-8b-GGUF/nope.gguf', { endpoint: server.url }));
    expect(entry.message).toMatch(/nope\.gguf was not found \(HTTP 404 EntryNotFound\)/);
  });

  it('refuses a server without Range support, aborting its body instead of downloading', async () => {
    server.options.noRange = true;
    const e = await errorOf(readRemoteGguf(`${server.url}/files/gemma-4-31b-Q4_K_M.gguf`));
    expect(e.detail.reason).toBe('no-range');
    expect(e.message).toBe(
      `${server.url}/files/gemma-4-31b-Q4_K_M.gguf answered a Range request with the whole ${(big.size / 1e9).toFixed(1)} GB file (HTTP 200, not 206 Partial Content): the server does not serve byte ranges, and cliffbench reads only the header, never a whole model. Use a server with Range support (Hugging Face has it) or a local copy.`,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(server.bytesSent()).toBeLessThan(64 * MiB);
    console.info(`no-Range server: ${server.bytesSent()} bytes written before the client hung up`);
  });

  it('says when the file is not a GGUF, the network fails, or the header is cut short', async () => {
    server.files.set('files/page.gguf', {
      bytes: new TextEncoder().encode('<!doctype html><p>Not here</p>'),
    });
    const html = await errorOf(readRemoteGguf(`${server.url}/files/page.gguf`));
    expect(html.code).toBe('invalid-gguf');
    expect(html.message).toBe(
      `${server.url}/files/page.gguf is not a GGUF file: it does not start with the bytes "GGUF".`,
    );

    const closed = await startRangeServer();
    const dead = closed.url;
    await closed.close();
    const net = await errorOf(readRemoteGguf(`${dead}/files/a.gguf`));
    expect(net.detail.reason).toBe('network');
    expect(net.message).toBe(
      `Cannot reach ${dead} (ECONNREFUSED): a network failure (offline, DNS, connection refused, or a cross-origin request the browser blocked).`,
    );

    const whole = ggufFixture('llama-2-7b');
    const cut = Math.floor(whole.bytes.length / 2);
    server.files.set('files/cut.gguf', { bytes: whole.bytes.subarray(0, cut) });
    const short = await errorOf(readRemoteGguf(`${server.url}/files/cut.gguf`));
    expect(short.code).toBe('invalid-gguf');
    expect(short.detail.truncated).toBe(true);
    expect(short.message).toBe(
      `${server.url}/files/cut.gguf: the GGUF header is cut short: it does not end within the file's ${cut} bytes, so the file is truncated or corrupt (a download that stopped inside the header).`,
    );
  });

  it('estimates a file whose data is incomplete, with a warning', async () => {
    const whole = ggufFixture('llama-2-7b');
    server.files.set('files/partial.gguf', { bytes: whole.bytes, size: 1e9 });
    const model = await readRemoteGguf(`${server.url}/files/partial.gguf`);
    expect(model.tensors).toHaveLength(whole.tensors.length);
    expect(model.warnings).toEqual([
      `${server.url}/files/partial.gguf has 1.00 GB of the ${(whole.size / 1e9).toFixed(2)} GB its header describes (header plus tensor data): the tensor data is incomplete (an unfinished download or a header-only copy). Estimated from the header, which lists every tensor.`,
    ]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await errorOf(
      readRemoteGguf(`${server.url}/files/gemma-4-31b-Q4_K_M.gguf`, { signal: controller.signal }),
    );
    expect(e.code).toBe('cancelled');
  });
});
