import { describe, expect, it } from 'vitest';
import { readHardwareCsv } from '../../test/hardware-csv.js';
import { CliffbenchError, findHostMemory, findPcieLink, hostMemories, pcieLinks } from '../index.js';

const csv = readHardwareCsv();
const rowsOf = (kind: string) => csv.filter((row) => row.kind === kind);

describe('host memory', () => {
  it.each(rowsOf('system_memory').map((row) => [row.name ?? '', Number(row.bw_gbs)] as const))(
    'holds %s at its reference bandwidth',
    (name, bandwidth) => {
      expect(findHostMemory(name).bandwidthGBs).toBeCloseTo(bandwidth, 1);
    },
  );

  it.each([
    ['DDR4-3200 dual-channel (typical measured read)', 'ddr4-3200-dual'],
    ['DDR5-5600 dual-channel on Ryzen 9000 (measured)', 'ddr5-5600-dual-ryzen-9000'],
    [
      'DDR5-4800 dual-channel on Core i9-14900KF (measured, all-core memcpy)',
      'ddr5-4800-dual-core-i9-14900kf',
    ],
    ['LPDDR5X-8533 128-bit Lunar Lake (measured memcpy)', 'lpddr5x-8533-128bit'],
    ['LPDDR5X-8000 256-bit Strix Halo (measured)', 'lpddr5x-8000-256bit'],
  ])('carries the measured read of "%s"', (rowName, id) => {
    const row = csv.find((r) => r.name === rowName);
    expect(row?.kind).toBe('system_memory_measured');
    expect(hostMemories.find((m) => m.id === id)?.measuredGBs).toBe(Number(row?.bw_gbs));
  });

  it('generates single, dual and quad channel DDR4 and DDR5 at eight bytes per channel per transfer', () => {
    const ddr5 = (speed: number, word: string) => findHostMemory(`ddr5-${speed} ${word}`).bandwidthGBs;
    expect(ddr5(6000, 'single')).toBeCloseTo(48, 9);
    expect(ddr5(6000, 'dual')).toBeCloseTo(96, 9);
    expect(ddr5(6000, 'quad')).toBeCloseTo(192, 9);
    expect(findHostMemory('ddr4 2133 dual').bandwidthGBs).toBeCloseTo(34.13, 2);
    expect(hostMemories.filter((m) => /^DDR[45]-\d+ (single|dual|quad)-channel$/.test(m.name))).toHaveLength(
      33,
    );
  });

  it('understands channel counts written as numbers and platform names', () => {
    expect(findHostMemory('DDR5 6000 2 channel').id).toBe('ddr5-6000-dual');
    expect(findHostMemory('ddr4-3200 dual').id).toBe('ddr4-3200-dual');
    expect(findHostMemory('Threadripper 7000').id).toBe('ddr5-5200-quad');
    expect(findHostMemory('epyc 9005').bandwidthGBs).toBe(576);
  });

  it('asks for the channel count when a speed alone is given', () => {
    try {
      findHostMemory('ddr4-3200');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliffbenchError);
      expect((error as CliffbenchError).detail.candidates).toEqual([
        'DDR4-3200 single-channel',
        'DDR4-3200 dual-channel',
        'DDR4-3200 quad-channel',
      ]);
    }
  });
});

describe('PCIe links', () => {
  it.each(rowsOf('pcie_link').map((row) => [row.name ?? '', Number(row.bw_gbs)] as const))(
    'gives %s its reference bandwidth',
    (rowName, bandwidth) => {
      const link = findPcieLink(rowName.replace(' (theoretical, per direction)', ''));
      expect(link.bandwidthGBs).toBeCloseTo(bandwidth, 2);
    },
  );

  it.each(rowsOf('pcie_link_measured').map((row) => [row.name ?? '', Number(row.bw_gbs)] as const))(
    'carries the measured copy rate of %s',
    (rowName, measured) => {
      const link = findPcieLink(rowName.replace(' (typical measured H2D, pinned)', ''));
      expect(link.measuredGBs).toBe(measured);
    },
  );

  it('doubles bandwidth with each generation and with each doubling of lanes', () => {
    for (const link of pcieLinks) {
      const base = pcieLinks.find((l) => l.gen === 3 && l.lanes === 1)?.bandwidthGBs ?? Number.NaN;
      expect(link.bandwidthGBs).toBeCloseTo(base * 2 ** (link.gen - 3) * link.lanes, 9);
    }
  });

  it('reads generation and lanes however they are written, and external links by name', () => {
    expect(findPcieLink('gen4 x8').id).toBe('pcie-4-x8');
    expect(findPcieLink('PCIe4 x4').id).toBe('pcie-4-x4');
    expect(findPcieLink('pcie 5 x16').id).toBe('pcie-5-x16');
    expect(findPcieLink('Thunderbolt 4').id).toBe('pcie-3-x4');
    expect(findPcieLink('oculink').id).toBe('pcie-4-x4');
  });
});
