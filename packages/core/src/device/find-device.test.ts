import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliffbenchError, devices, findDevice, searchDevices } from '../index.js';

function thrown(fn: () => unknown): CliffbenchError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error('expected a CliffbenchError');
}

describe('findDevice', () => {
  it.each([
    ['rtx 3060 12gb', 'GeForce RTX 3060 12GB'],
    ['GeForce RTX 3060 12GB', 'GeForce RTX 3060 12GB'],
    ['3060 12GB', 'GeForce RTX 3060 12GB'],
    ['NVIDIA GeForce RTX 3060 12 GB', 'GeForce RTX 3060 12GB'],
    ['rtx3060 8gb', 'GeForce RTX 3060 8GB'],
    ['M3 Max 40-core', 'Apple M3 Max (40-core GPU) 128GB'],
    ['m3 max 30c 36gb', 'Apple M3 Max (30-core GPU) 36GB'],
    ['m4 max 128gb', 'Apple M4 Max (40-core GPU) 128GB'],
    ['MacBook Pro M3 Max 40 GPU cores 64 GB', 'Apple M3 Max (40-core GPU) 64GB'],
    ['Apple M1 Pro 14-core GPU 16GB', 'Apple M1 Pro (14-core GPU) 16GB'],
    ['7900xtx', 'Radeon RX 7900 XTX'],
    ['rx 7900 xtx', 'Radeon RX 7900 XTX'],
    ['Radeon RX 7900 XT', 'Radeon RX 7900 XT'],
    ['rtx 4090', 'GeForce RTX 4090'],
    ['4090 laptop', 'GeForce RTX 4090 Laptop'],
    ['rtx 3060 mobile', 'GeForce RTX 3060 Laptop'],
    ['4070 ti super', 'GeForce RTX 4070 Ti SUPER'],
    ['l40', 'L40'],
    ['h100 sxm', 'H100 SXM5 80GB'],
    ['DGX Spark', 'DGX Spark (GB10)'],
    ['strix halo', 'Ryzen AI Max+ 395 (Radeon 8060S, Strix Halo)'],
    ['ryzen ai max+ 395', 'Ryzen AI Max+ 395 (Radeon 8060S, Strix Halo)'],
    ['arc b580', 'Arc B580'],
    ['mi300x', 'Instinct MI300X'],
    ['geforce-rtx-3060-12gb', 'GeForce RTX 3060 12GB'],
  ])('resolves "%s" to %s', (query, name) => {
    expect(findDevice(query).name).toBe(name);
  });

  it('resolves every catalog device by its own name and by its id', () => {
    for (const device of devices) {
      expect(findDevice(device.name)).toBe(device);
      expect(findDevice(device.id)).toBe(device);
    }
  });

  it('ignores case, spacing and punctuation in names', () => {
    const scramble = fc.record({
      index: fc.nat({ max: devices.length - 1 }),
      upper: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      separator: fc.constantFrom(' ', '  ', ' - ', '_', ' , '),
    });
    fc.assert(
      fc.property(scramble, ({ index, upper, separator }) => {
        const device = devices[index];
        if (device === undefined) return;
        const cased = [...device.name]
          .map((c, i) => (upper[i % 64] ? c.toUpperCase() : c.toLowerCase()))
          .join('');
        expect(findDevice(cased.split(' ').join(separator)).id).toBe(device.id);
      }),
      { numRuns: 300 },
    );
  });

  it('lists both RTX 3060 memory variants when the query does not choose', () => {
    const error = thrown(() => findDevice('rtx 3060'));
    expect(error.code).toBe('ambiguous-device');
    expect(error.detail.candidates).toEqual(['GeForce RTX 3060 8GB', 'GeForce RTX 3060 12GB']);
    expect(error.message).toContain('GeForce RTX 3060 8GB');
    expect(error.message).toContain('GeForce RTX 3060 12GB');
  });

  it('lists both M3 Max GPU variants and their memory sizes when the query names neither', () => {
    const error = thrown(() => findDevice('M3 Max'));
    expect(error.code).toBe('ambiguous-device');
    expect(error.detail.candidates).toEqual([
      'Apple M3 Max (30-core GPU) 36GB',
      'Apple M3 Max (30-core GPU) 96GB',
      'Apple M3 Max (40-core GPU) 48GB',
      'Apple M3 Max (40-core GPU) 64GB',
      'Apple M3 Max (40-core GPU) 128GB',
    ]);
  });

  it('keeps same-bandwidth memory variants of a discrete card ambiguous', () => {
    const error = thrown(() => findDevice('rtx 4060 ti'));
    expect(error.detail.candidates).toEqual(['GeForce RTX 4060 Ti 8GB', 'GeForce RTX 4060 Ti 16GB']);
  });

  it('names the closest devices when nothing matches, and rejects an empty query', () => {
    const error = thrown(() => findDevice('nvidia 7900xtx'));
    expect(error.code).toBe('unknown-device');
    expect(error.detail.suggestions).toContain('Radeon RX 7900 XTX');
    expect(thrown(() => findDevice('   ')).code).toBe('unknown-device');
    expect(thrown(() => findDevice('NVIDIA GeForce')).code).toBe('unknown-device');
  });
});

describe('searchDevices', () => {
  it('completes an unfinished last word', () => {
    const names = searchDevices('rtx 30', 50).map((d) => d.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(name).toMatch(/RTX 30\d0/);
    expect(
      searchDevices('7900 x')
        .map((d) => d.name)
        .slice(0, 2),
    ).toEqual(['Radeon RX 7900 XT', 'Radeon RX 7900 XTX']);
    // The CPU of the same number comes after the GPUs.
    expect(searchDevices('7900 x').map((d) => d.name)[2]).toBe('AMD Ryzen 9 7900X');
  });

  it('puts exact matches before longer names and respects the limit', () => {
    expect(searchDevices('rtx 4070', 3).map((d) => d.name)).toEqual([
      'GeForce RTX 4070',
      'GeForce RTX 4070 SUPER',
      'GeForce RTX 4070 Ti',
    ]);
    expect(searchDevices('m4 max', 2)).toHaveLength(2);
  });

  it('lists what a query names before what merely ships with it (an alias)', () => {
    // "Ryzen 9 6900HS" is an alias of the Radeon 680M that ships in it; "ryzen 9" names the Ryzen 9 CPUs.
    const found = searchDevices('ryzen 9', 10);
    const firstIgpu = found.findIndex((d) => d.kind !== 'cpu');
    expect(found[0]?.kind).toBe('cpu');
    expect(found.slice(0, firstIgpu === -1 ? undefined : firstIgpu).length).toBeGreaterThanOrEqual(4);
    for (const d of found.slice(0, 4)) expect(d.name).toMatch(/Ryzen 9/);
  });

  it('filters by vendor when a brand word is typed, even unfinished', () => {
    const nvidia = searchDevices('gefo', 20);
    expect(nvidia.length).toBe(20);
    for (const device of nvidia) expect(device.vendor).toBe('NVIDIA');
    for (const device of searchDevices('apple ', 100)) expect(device.vendor).toBe('Apple');
  });

  it('returns nothing for an empty query or one that matches nothing', () => {
    expect(searchDevices('')).toEqual([]);
    expect(searchDevices('zzzz')).toEqual([]);
  });
});
