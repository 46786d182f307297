import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSize, sizeText } from './size-text.js';

const MAX = 100e9;

describe('a size as typed', () => {
  it('reads decimal and binary units, and a bare number as MB', () => {
    expect(parseSize('860 MB', MAX)).toBe(860e6);
    expect(parseSize('0.86GB', MAX)).toBe(860e6);
    expect(parseSize('860', MAX)).toBe(860e6);
    expect(parseSize('1 GiB', MAX)).toBe(2 ** 30);
    expect(parseSize(' 1,5 gb ', MAX)).toBe(1.5e9);
    expect(parseSize('', MAX)).toBeUndefined();
  });

  it('says what is wrong and what is accepted', () => {
    for (const bad of ['-5 MB', '0', 'big', '5 TB', '1e3 MB', '200 GB']) {
      const r = parseSize(bad, MAX);
      expect(typeof r).toBe('string');
      expect(r).toContain(bad.trim());
      expect(r).toMatch(/MB, GB, MiB or GiB/);
    }
  });

  it('reads back what it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (tenthsOfMb) => {
        const bytes = tenthsOfMb * 1e5;
        expect(parseSize(sizeText(bytes), MAX)).toBe(bytes);
      }),
    );
  });
});
