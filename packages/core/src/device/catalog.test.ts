import { describe, expect, it } from 'vitest';
import { acceleratorKinds, readHardwareCsv } from '../../test/hardware-csv.js';
import { BYTES_PER_MARKETED_GB, devices } from '../index.js';

const rows = readHardwareCsv().filter((row) => acceleratorKinds.has(row.kind ?? ''));
const formFactorOfKind: Record<string, string> = {
  discrete_gpu: 'desktop',
  laptop_gpu: 'laptop',
  workstation_gpu: 'workstation',
  datacenter_gpu: 'datacenter',
  soc_unified: 'soc',
};

/** Apple rows list the chip's largest configuration; the catalog names each configuration. */
const catalogName = (row: Record<string, string>): string =>
  row.vendor === 'Apple' ? `${row.name} ${row.mem_gb}GB` : (row.name ?? '');

describe('device catalog', () => {
  it('reads a hardware reference with over a hundred accelerator rows', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it.each(rows.map((row) => [catalogName(row), row] as const))(
    'lists %s with its reference numbers',
    (name, row) => {
      const device = devices.find((d) => d.name === name);
      expect(device, name).toBeDefined();
      if (device === undefined) return;
      expect(device.vendor).toBe(row.vendor);
      expect(device.formFactor).toBe(formFactorOfKind[row.kind ?? '']);
      expect(device.kind).toBe(row.kind === 'soc_unified' ? 'unified' : 'discrete');
      expect(device.memoryGB).toBe(Number(row.mem_gb));
      expect(device.bandwidthGBs).toBe(Number(row.bw_gbs));
      expect(device.fp16Tflops).toBe(Number(row.fp16_tflops));
      expect(device.memoryType).toBe(row.mem_type);
      expect(device.busBits).toBe(Number(row.bus_bits));
      expect(device.year).toBe(Number(row.year));
      expect(device.pcie).toEqual(
        row.pcie_gen ? { gen: Number(row.pcie_gen), lanes: Number(row.pcie_lanes) } : undefined,
      );
      for (const url of (row.source ?? '').split(' ; ')) expect(device.source).toContain(url.trim());
    },
  );

  it('gives every device a unique id and a unique name', () => {
    expect(new Set(devices.map((d) => d.id)).size).toBe(devices.length);
    expect(new Set(devices.map((d) => d.name)).size).toBe(devices.length);
    for (const device of devices) expect(device.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds marketed memory as binary gigabytes in memoryBytes', () => {
    for (const device of devices) {
      expect(device.memoryBytes).toBe((device.memoryGB ?? Number.NaN) * BYTES_PER_MARKETED_GB);
    }
    expect(devices.find((d) => d.id === 'geforce-rtx-3060-12gb')?.memoryBytes).toBe(12 * 1024 ** 3);
  });

  it('lists one Apple entry per chip variant and sold memory size', () => {
    const sizes = (family: string) => devices.filter((d) => d.family === family).map((d) => d.memoryGB);
    expect(sizes('Apple M3 Max (40-core GPU)')).toEqual([48, 64, 128]);
    expect(sizes('Apple M3 Max (30-core GPU)')).toEqual([36, 96]);
    expect(sizes('Apple M4 Max (32-core GPU)')).toEqual([36]);
    expect(sizes('Apple M2 Max (30-core GPU)')).toEqual([32, 64]);
    expect(sizes('Apple M1 (7-core GPU)')).toEqual([8, 16]);
    expect(devices.find((d) => d.name === 'Apple M3 Max (40-core GPU) 128GB')?.id).toBe(
      'apple-m3-max-40c-128gb',
    );
  });

  it('gives binned Max chips their narrower bus and the other bins the full chip bandwidth', () => {
    const bandwidth = (family: string) => devices.find((d) => d.family === family)?.bandwidthGBs;
    expect(bandwidth('Apple M3 Max (30-core GPU)')).toBe(307.2);
    expect(bandwidth('Apple M3 Max (40-core GPU)')).toBe(409.6);
    expect(bandwidth('Apple M4 Max (32-core GPU)')).toBe(409.6);
    expect(bandwidth('Apple M4 Max (40-core GPU)')).toBe(546);
    expect(bandwidth('Apple M3 Pro (14-core GPU)')).toBe(153.6);
    expect(bandwidth('Apple M4 Pro (16-core GPU)')).toBe(273);
  });

  it('makes every Apple bandwidth its bus width times the data rate of its LPDDR generation', () => {
    // Data rates, MT/s, of the LPDDR generation each chip uses (sources per row in catalog-apple.ts):
    // M1 LPDDR4X-4266, M4 LPDDR5X-7500, M4 Pro/Max LPDDR5X-8533, M5 family LPDDR5X-9600, every other chip
    // LPDDR5-6400.
    const rate = (family: string): number => {
      if (/^Apple M1 \(/.test(family)) return 4266;
      if (/^Apple M4 \(/.test(family)) return 7500;
      if (/^Apple M4 (Pro|Max)/.test(family)) return 8533;
      if (/^Apple M5/.test(family)) return 9600;
      return 6400;
    };
    for (const device of devices.filter((d) => d.vendor === 'Apple')) {
      const computed = ((device.busBits ?? 0) / 8) * rate(device.family ?? '') * 1e-3;
      expect(Math.abs(device.bandwidthGBs - computed) / computed, device.name).toBeLessThan(0.002);
    }
  });

  it('gives discrete cards a PCIe link unless they sit on SXM-style modules, and unified devices none', () => {
    const withoutLink = devices
      .filter((d) => d.kind === 'discrete' && d.pcie === undefined)
      .map((d) => d.name);
    expect(withoutLink).toEqual(['GH200 Grace Hopper (96GB HBM3)', 'B200 (HGX)']);
    expect(devices.filter((d) => d.kind === 'unified' && d.pcie !== undefined)).toEqual([]);
  });
});
