import { describe, expect, it } from 'vitest';
import { defaultBackend, deviceFromSpec, findDevice } from '../index.js';

describe('deviceFromSpec', () => {
  it('keeps the given numbers and reads memory as marketed binary gigabytes', () => {
    const device = deviceFromSpec({
      name: 'Apple M1 7-core GPU',
      kind: 'unified',
      bandwidthGBs: 68.25,
      memoryGB: 64,
    });
    expect(device).toMatchObject({
      vendor: 'Apple',
      kind: 'unified',
      formFactor: 'soc',
      bandwidthGBs: 68.25,
    });
    expect(device.memoryBytes).toBe(64 * 2 ** 30);
    expect(device.fp16Tflops).toBeUndefined();
    expect(device.id).toBe('spec-apple-m1-7-core-gpu');
  });

  it('infers the vendor from brand words or an Apple chip name', () => {
    const vendor = (name: string) =>
      deviceFromSpec({ name, kind: 'discrete', bandwidthGBs: 300, memoryGB: 8 }).vendor;
    expect(vendor('RTX 4090')).toBe('NVIDIA');
    expect(vendor('Radeon RX 7900 XTX')).toBe('AMD');
    expect(vendor('Intel Arc B580')).toBe('Intel');
    expect(vendor('M2 Ultra')).toBe('Apple');
    expect(vendor('Snapdragon X Elite')).toBe('unknown');
  });

  it('allows a CPU without accelerator memory but not a GPU', () => {
    expect(deviceFromSpec({ name: 'Ryzen 9 7950X', kind: 'cpu', bandwidthGBs: 64 }).formFactor).toBe('cpu');
    expect(() => deviceFromSpec({ name: 'Mystery GPU', kind: 'discrete', bandwidthGBs: 300 })).toThrow(
      /memoryGB/,
    );
  });

  it('rejects numbers the scenario schema rejects', () => {
    expect(() => deviceFromSpec({ name: 'x', kind: 'discrete', bandwidthGBs: -5, memoryGB: 8 })).toThrow(
      /bandwidthGBs/,
    );
  });
});

describe('defaultBackend', () => {
  it.each([
    ['rtx 3060 12gb', 'cuda'],
    ['dgx spark', 'cuda'],
    ['m4 max 128gb', 'metal'],
    ['7900xtx', 'rocm'],
    ['strix halo', 'rocm'],
    ['arc b580', 'vulkan'],
  ])('runs %s on %s', (query, backend) => {
    expect(defaultBackend(findDevice(query))).toBe(backend);
  });

  it('runs CPU-only devices on the CPU and unknown vendors on Vulkan', () => {
    expect(defaultBackend(deviceFromSpec({ name: 'Ryzen 9 7950X', kind: 'cpu', bandwidthGBs: 64 }))).toBe(
      'cpu',
    );
    expect(defaultBackend({ kind: 'unified', vendor: 'unknown' })).toBe('vulkan');
  });
});
