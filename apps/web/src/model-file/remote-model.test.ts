import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ggufFixture, splitGgufFixture } from '../../../../packages/core/test/gguf-files.js';
import { type RangeServer, startRangeServer } from '../../../../packages/core/test/range-server.js';
import { sourceOf } from '../state/url-state.js';
import { savedHubEndpoint, saveHubEndpoint, setHubToken } from './hub-settings.js';
import { locationOf, lookUpRemote, readEntry } from './remote-model.js';

let server: RangeServer;
const store = new Map<string, string>();

beforeAll(async () => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  server = await startRangeServer();
  server.files.set('acme/qwen3-8b-GGUF/qwen3-8b-Q4_K_M.gguf', ggufFixture('qwen3-8b', 'Q4_K_M'));
  server.files.set('acme/qwen3-8b-GGUF/mmproj-F16.gguf', ggufFixture('qwen3-8b', 'Q8_0'));
  splitGgufFixture('qwen3-8b', 'Q8_0', 2).forEach((p, i) => {
    server.files.set(`acme/qwen3-8b-GGUF/qwen3-8b-Q8_0-0000${i + 1}-of-00002.gguf`, p);
  });
  server.files.set('gated/m-GGUF/m-Q4_K_M.gguf', ggufFixture('llama-2-7b'));
  saveHubEndpoint(`${server.url}/`);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe('the page reads Hugging Face models by HTTP Range', () => {
  it('keeps the Hub endpoint setting, without its trailing slash', () => {
    expect(savedHubEndpoint()).toBe(server.url);
  });

  it('lists a pasted owner/repo: GGUF models only, a split as one entry, llama.cpp’s default suggested', async () => {
    const found = await lookUpRemote('acme/qwen3-8b-GGUF');
    if (found.kind !== 'list') throw new Error('expected a listing');
    expect(found.entries.map((e) => e.label)).toEqual(['qwen3-8b-Q4_K_M.gguf', 'qwen3-8b-Q8_0 (2 parts)']);
    expect(found.suggested).toBe(0);
    const m = await readEntry(found.repo, found.revision, found.entries[1]!);
    expect(m.kind === 'gguf' && m.parts).toBe(2);
    expect(m.fileName).toBe('acme/qwen3-8b-GGUF/qwen3-8b-Q8_0-00001-of-00002.gguf');
    expect(m.kind === 'gguf' && m.remote).toBe(true);
  });

  it('gives each model read a source the share link keeps and that reads the same file again', async () => {
    const list = await lookUpRemote('acme/qwen3-8b-GGUF');
    if (list.kind !== 'list') throw new Error('expected a listing');
    const byQuant = await lookUpRemote('acme/qwen3-8b-GGUF:Q4_K_M');
    const picked = [
      byQuant.kind === 'model' ? byQuant.model : undefined,
      await readEntry(list.repo, list.revision, list.entries[1]!),
    ];
    for (const m of picked) {
      if (m?.kind !== 'gguf' || m.source === undefined)
        throw new Error('expected a remote GGUF with a source');
      expect(m.source.startsWith(`${server.url}/acme/qwen3-8b-GGUF/resolve/main/`)).toBe(true);
      expect(sourceOf(m.source)).toBe(m.source);
      const again = await lookUpRemote(m.source);
      if (again.kind !== 'model' || again.model.kind !== 'gguf') throw new Error('expected a model');
      expect([again.model.fileName, again.model.parts, again.model.fileBytes, again.model.source]).toEqual([
        m.fileName,
        m.parts,
        m.fileBytes,
        m.source,
      ]);
      expect(again.model.tensors).toEqual(m.tensors);
    }
  });

  it('reads owner/repo:QUANT and pasted Hub links at once', async () => {
    const byQuant = await lookUpRemote('acme/qwen3-8b-GGUF:q4_k_m');
    expect(byQuant.kind === 'model' && byQuant.model.kind === 'gguf' && byQuant.model.fileType).toBe(
      'Q4_K_M',
    );
    const link = await lookUpRemote(
      'https://huggingface.co/acme/qwen3-8b-GGUF/blob/main/qwen3-8b-Q4_K_M.gguf',
    );
    expect(link.kind === 'model' && link.model.kind === 'gguf' && link.model.bytesRead).toBe(2_000_000);
  });

  it('tells the page’s user where to put a token for a gated model, and sends it once given', async () => {
    server.options.token = 'hf_page';
    await expect(lookUpRemote('gated/m-GGUF:Q4_K_M')).rejects.toThrow(
      "The model repository gated/m-GGUF needs a token (HTTP 401 GatedRepo): the repository is gated or private (or does not exist). Paste a Hugging Face access token under “Hub settings” whose account has accepted the model's terms.",
    );
    setHubToken(' hf_page ');
    const found = await lookUpRemote('gated/m-GGUF:Q4_K_M');
    expect(found.kind).toBe('model');
    setHubToken('');
    delete server.options.token;
  });

  it('says what it takes when the text is neither a model nor a URL', () => {
    expect(() => locationOf('just some words')).toThrow(
      '"just some words" is not a Hugging Face model or a URL: paste owner/repo, owner/repo:Q4_K_M, owner/repo/file.gguf or a link to a .gguf.',
    );
  });
});
