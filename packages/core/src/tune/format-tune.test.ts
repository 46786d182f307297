import { describe, expect, it } from 'vitest';
import { formatTuneResult } from './format-tune.js';
import { tuneSettings } from './tune-settings.js';

const GIB = 2 ** 30;
const scenario = { model: 'gemma-4-31b', quant: 'Q4_K_M', host: { ramGB: 32 }, contextTokens: 8192 };

/** The "Memory:" line's GPU figures, GiB. */
function gpuMemory(text: string): { used: number; of: number; what: string } {
  const m = /Memory: ([\d.]+) GiB of ([\d.]+) GiB GPU ([A-Za-z0-9 ]+),/.exec(text);
  if (m === null) throw new Error(`no GPU memory line in:\n${text}`);
  return { used: Number(m[1]), of: Number(m[2]), what: m[3] ?? '' };
}

describe('the tuning result as text', () => {
  it('names the GPU memory of several GPUs as their total', () => {
    const one = tuneSettings({ ...scenario, device: 'geforce-rtx-3060-12gb' });
    const two = tuneSettings({ ...scenario, devices: ['geforce-rtx-3060-12gb', 'geforce-rtx-3060-12gb'] });
    const oneText = formatTuneResult(one);
    const twoText = formatTuneResult(two);
    expect(gpuMemory(oneText).what).toBe('memory');
    expect(gpuMemory(twoText).what).toBe('memory of the 2 GPUs together');
    expect(twoText).toContain('MiB of GPU memory of the 2 GPUs together kept free');
    // The total over the cards: more than one card holds, at most two cards' worth (each keeps its own context).
    const best = two.configurations[0];
    expect(gpuMemory(twoText).of).toBeCloseTo((best?.memory.deviceCapacityBytes ?? 0) / GIB, 1);
    expect(gpuMemory(twoText).of).toBeGreaterThan(gpuMemory(oneText).of);
    expect(gpuMemory(twoText).of).toBeLessThanOrEqual(2 * gpuMemory(oneText).of);
    expect(gpuMemory(twoText).used).toBeGreaterThan(gpuMemory(oneText).of);
  });
});
