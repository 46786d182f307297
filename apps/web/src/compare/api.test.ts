import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, fetchResult, isAbort, listResults, listUrl } from './api.js';

/** A fetch that answers `body` after `answer()` is called, ignoring any signal (as a slow server would). */
function slowFetch(body: unknown, status = 200) {
  let answer = () => {};
  const seen: (RequestInit | undefined)[] = [];
  const fetch = vi.fn((_url: string, init?: RequestInit) => {
    seen.push(init);
    return new Promise<Response>((resolve) => {
      answer = () => resolve(new Response(JSON.stringify(body), { status }));
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, seen, answer: () => answer() };
}

afterEach(() => vi.unstubAllGlobals());

describe('results service reads', () => {
  it('hands the signal to fetch', async () => {
    const slow = slowFetch({ items: [] });
    const request = new AbortController();
    const page = listResults({ device: 'rtx' }, { signal: request.signal });
    slow.answer();
    await expect(page).resolves.toEqual({ items: [] });
    expect(slow.seen[0]?.signal).toBe(request.signal);
  });

  it('never resolves a request aborted for newer filters, even when its answer arrives after all', async () => {
    const slow = slowFetch({ items: [{ id: 'stale' }] });
    const older = new AbortController();
    const stale = listResults({ device: 'old' }, { signal: older.signal });
    older.abort(); // the user typed a newer filter
    slow.answer(); // the old answer comes in late
    const outcome = await stale.then(
      () => 'resolved',
      (e: unknown) => (isAbort(e) ? 'aborted' : 'failed'),
    );
    expect(outcome).toBe('aborted');
  });

  it('does not even ask once the signal is aborted', async () => {
    const slow = slowFetch({});
    const request = new AbortController();
    request.abort();
    await expect(fetchResult('AAAAAAAAAAAAAAAA', { signal: request.signal })).rejects.toSatisfy(isAbort);
    expect(slow.fetch).not.toHaveBeenCalled();
  });

  it("reports the server's message and status", async () => {
    const slow = slowFetch({ error: { code: 'not-found', message: 'No result with this id.' } }, 404);
    const doc = fetchResult('AAAAAAAAAAAAAAAA');
    slow.answer();
    const error = await doc.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 404, message: 'No result with this id.' });
  });

  it('puts every filter in the list URL', () => {
    const url = new URL(
      listUrl(
        { device: 'rtx 3060', vendor: 'nvidia', browser: 'Chrome', sort: 'bandwidth', cursor: 'c1' },
        10,
      ),
      'http://x',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: '10',
      device: 'rtx 3060',
      vendor: 'nvidia',
      browser: 'Chrome',
      sort: 'bandwidth',
      cursor: 'c1',
    });
  });
});
