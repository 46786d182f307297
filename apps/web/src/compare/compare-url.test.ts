import { describe, expect, it } from 'vitest';
import {
  type CompareSelection,
  filtersKey,
  MAX_FILTER_CHARS,
  MAX_PICKED,
  selectionFromUrl,
  urlOfSelection,
} from './compare-url.js';

const A = 'AAAAAAAAAAAAAAAA';
const B = 'b_b-b_b-b_b-b_b-';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${String(i).padStart(14, '0')}`);

describe('compare URL', () => {
  it('round-trips picked ids in order and every filter, odd characters included', () => {
    const selection: CompareSelection = {
      ids: [B, A],
      filters: {
        device: 'RTX 3060 & co, 12GB+',
        vendor: 'nvidia',
        browser: 'Chrome #1 é',
        sort: 'bandwidth',
      },
    };
    const hash = urlOfSelection(selection);
    expect(hash).toBe(
      `#compare=${B},${A}&device=RTX%203060%20%26%20co%2C%2012GB%2B&vendor=nvidia&browser=Chrome%20%231%20%C3%A9&sort=bandwidth`,
    );
    expect(selectionFromUrl(hash)).toEqual({ ...selection, rejected: [] });
  });

  it('writes only what differs from the defaults, and an empty selection as `#compare=`', () => {
    expect(urlOfSelection({ ids: [A], filters: { sort: 'time', device: '  ', vendor: '' } })).toBe(
      `#compare=${A}`,
    );
    expect(urlOfSelection({ ids: [], filters: { sort: 'time' } })).toBe('#compare=');
    expect(selectionFromUrl('#compare=')).toEqual({ ids: [], filters: { sort: 'time' }, rejected: [] });
  });

  it('reads the link an upload shows', () => {
    expect(selectionFromUrl(`#compare=${A}`)).toEqual({ ids: [A], filters: { sort: 'time' }, rejected: [] });
  });

  it('is not a selection for other views, nor for the bare #compare of the navigation', () => {
    for (const hash of ['', '#', '#estimate', '#bench', '#compare', '#compared=x']) {
      expect(selectionFromUrl(hash)).toBeUndefined();
    }
  });

  it('rejects what is not a result id, repeats and ids past the limit, with reasons, and never throws', () => {
    const parsed = selectionFromUrl(
      `#compare=${A},short,${A},%E0%A4%A,<script>,${ids(MAX_PICKED).join(',')}&sort=fastest&device=%`,
    );
    expect(parsed?.ids).toEqual([A, ...ids(MAX_PICKED - 1)]);
    expect(parsed?.rejected).toEqual([
      { value: 'short', reason: 'not a result id' },
      { value: A, reason: 'listed twice' },
      { value: '\uFFFD%A', reason: 'not a result id' }, // malformed escapes decode leniently
      { value: '<script>', reason: 'not a result id' },
      {
        value: ids(MAX_PICKED)[MAX_PICKED - 1],
        reason: `at most ${MAX_PICKED} results are compared at once`,
      },
      { value: 'sort=fastest', reason: 'unknown sort (newest first is used)' },
    ]);
    expect(parsed?.filters).toEqual({ sort: 'time', device: '%' });
  });

  it('trims filters and cuts them to what the server reads', () => {
    const long = 'x'.repeat(MAX_FILTER_CHARS + 50);
    expect(selectionFromUrl(`#compare=&vendor=%20amd%20&device=${long}`)?.filters).toEqual({
      sort: 'time',
      vendor: 'amd',
      device: 'x'.repeat(MAX_FILTER_CHARS),
    });
  });

  it('keys the list query by every filter', () => {
    const base = { sort: 'time' as const, device: 'rtx' };
    const keys = new Set([
      filtersKey(base),
      filtersKey({ ...base, device: 'rtx 3060' }),
      filtersKey({ ...base, vendor: 'nvidia' }),
      filtersKey({ ...base, browser: 'Chrome' }),
      filtersKey({ ...base, sort: 'bandwidth' }),
    ]);
    expect(keys.size).toBe(5);
    expect(filtersKey({ ...base, device: ' rtx ' })).toBe(filtersKey(base));
  });
});
