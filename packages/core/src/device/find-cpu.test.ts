import { describe, expect, it } from 'vitest';
import { cpuRates } from './cpu-spec.js';
import { cpuDevices } from './devices.js';
import { cpuFromName, findCpu } from './find-cpu.js';
import { findDevice, searchDevices } from './find-device.js';

describe('CPU catalog', () => {
  it('finds CPUs by the names people type, as devices and as hosts', () => {
    expect(findDevice('raspberry pi 5').name).toBe('Raspberry Pi 5');
    expect(findDevice('ryzen 9 7950x').kind).toBe('cpu');
    expect(findCpu('7950x').name).toBe('AMD Ryzen 9 7950X');
    expect(findCpu('i9-13900k').name).toBe('Intel Core i9-13900K');
    // An accelerator of the same name wins; "cpu" asks for the CPU.
    expect(findDevice('ryzen ai max+ 395').kind).toBe('unified');
    expect(findDevice('ryzen ai max+ 395 cpu').kind).toBe('cpu');
  });

  it('lists families while typing: "i7", "ryzen 9"', () => {
    // Integrated GPUs list the processors they ship in, so an i7's iGPU may come along.
    const i7 = searchDevices('i7', 20)
      .filter((d) => d.kind === 'cpu')
      .map((d) => d.name);
    expect(i7.length).toBeGreaterThanOrEqual(4);
    for (const name of i7.slice(0, 4)) expect(name).toMatch(/Core i7-/);
    const ryzen9 = searchDevices('ryzen 9', 20)
      .filter((d) => d.kind === 'cpu')
      .map((d) => d.name);
    expect(ryzen9.length).toBeGreaterThanOrEqual(6);
    for (const name of ryzen9.slice(0, 6)) expect(name).toMatch(/Ryzen 9 /);
  });

  it('reads the CPU a benchmark table’s free-text name describes', () => {
    expect(cpuFromName('Apple M3 Max 16-core CPU (CPU backend)')?.name).toBe('Apple M3 Max (16-core CPU)');
    expect(cpuFromName('Apple M2 Pro 12-CPU (Mac mini, CPU backend)')?.name).toBe(
      'Apple M2 Pro (12-core CPU)',
    );
    expect(cpuFromName('Mac Pro 2019 16-core Xeon W (CPU)')?.name).toBe('Intel Xeon W-3245');
    expect(cpuFromName('AMD Ryzen 9 7950X 16-Core Processor')?.name).toBe('AMD Ryzen 9 7950X');
    expect(cpuFromName('Apple M3 Max CPU')).toBeUndefined(); // 14- or 16-core: the name does not say
    expect(cpuFromName('Some Unknown CPU')).toBeUndefined();
  });

  it('derives every CPU’s bandwidth from its memory bus and data rate', () => {
    for (const d of cpuDevices) {
      expect(d.busBits, d.name).toBeGreaterThan(0);
      expect(d.bandwidthGBs, d.name).toBeGreaterThan(5);
      expect(d.bandwidthGBs, d.name).toBeLessThan(1000);
      expect(d.source, d.name).toMatch(/^https?:\/\//);
    }
    expect(findCpu('raspberry pi 5').bandwidthGBs).toBeCloseTo(17.07, 1); // LPDDR4X-4267 on 32 bits
  });

  it('counts only the performance cores of x86 hybrid chips, as llama.cpp’s default threads do on Linux', () => {
    const i9 = findCpu('i9-13900k').cpu;
    const m3 = findCpu('Apple M3 Max (16-core CPU)').cpu;
    if (i9 === undefined || m3 === undefined) throw new Error('CPU spec missing');
    expect(cpuRates(i9).threadsUsed).toBe(8);
    expect(cpuRates(m3).threadsUsed).toBe(16);
  });
});
