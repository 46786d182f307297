/** Property tests of the plausibility checks: the physical limits and the figures' consistency with their samples. */
import { devices } from '@cliffbench/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FASTEST_MEMORY_GBS, MAX_SPEC_RATIO } from '../src/checks/physical-limits.js';
import { implausibilities } from '../src/plausibility.js';
import { ramSection, realDocument, resultDocument } from './documents.js';

const device = fc.constantFrom(...devices);
const paths = (doc: Parameters<typeof implausibilities>[0]) => implausibilities(doc).map((p) => p.path);

describe('the physical limits', () => {
  it('accept any consistent run up to 1.5× the claimed device spec and refuse any beyond it', () => {
    fc.assert(
      fc.property(device, fc.double({ min: 0.02, max: 4, noNaN: true }), (d, ratio) => {
        fc.pre(Math.abs(ratio - MAX_SPEC_RATIO) > 0.01);
        const doc = resultDocument({
          bandwidthGBs: d.bandwidthGBs * ratio,
          claimedDevice: { deviceId: d.id, name: d.name },
        });
        if (ratio < MAX_SPEC_RATIO) expect(paths(doc)).toEqual([]);
        else expect(paths(doc)).toContain('fits.0.bandwidthGBs');
      }),
    );
  });

  it('hold a run that claims no device to the fastest memory in the catalog', () => {
    const fastest = Math.max(...devices.map((d) => d.bandwidthGBs));
    expect(FASTEST_MEMORY_GBS).toBeGreaterThanOrEqual(fastest);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), (gbs) => {
        fc.pre(Math.abs(gbs / FASTEST_MEMORY_GBS - MAX_SPEC_RATIO) > 0.01);
        const refused = paths(resultDocument({ bandwidthGBs: gbs })).includes('fits.0.bandwidthGBs');
        expect(refused).toBe(gbs > FASTEST_MEMORY_GBS * MAX_SPEC_RATIO);
      }),
    );
  });

  it("hold cache-free RAM reads on a unified-memory device to that device's memory", () => {
    const unified = devices.filter((d) => d.kind === 'unified');
    fc.assert(
      fc.property(fc.constantFrom(...unified), fc.double({ min: 0.05, max: 4, noNaN: true }), (d, ratio) => {
        fc.pre(Math.abs(ratio - MAX_SPEC_RATIO) > 0.01);
        const doc = resultDocument({
          bandwidthGBs: d.bandwidthGBs * 0.5,
          claimedDevice: { deviceId: d.id, name: d.name },
          ram: ramSection(d.bandwidthGBs * ratio),
        });
        const ramPaths = paths(doc).filter((p) => p.startsWith('ram.'));
        // The two-worker read (index 2) is the fastest RAM figure; one worker reads at 60 % of it.
        expect(ramPaths.includes('ram.threadSweep.2.bandwidthGBs')).toBe(ratio > MAX_SPEC_RATIO);
      }),
    );
  });

  it('leave RAM figures from cache-sized buffers alone', () => {
    const doc = resultDocument({ ram: ramSection(FASTEST_MEMORY_GBS * 3, 2 ** 20) });
    expect(paths(doc)).toEqual([]);
  });
});

describe('the consistency checks', () => {
  it('pass a real benchmark run with a RAM section', () => {
    expect(implausibilities(realDocument())).toEqual([]);
  });

  it('flag any stated median that moved off the median of its samples', () => {
    const base = resultDocument();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.measurements.length - 1 }),
        fc.oneof(
          fc.double({ min: 0.1, max: 0.999, noNaN: true }),
          fc.double({ min: 1.001, max: 10, noNaN: true }),
        ),
        (i, factor) => {
          const measurements = base.measurements.map((m, j) =>
            j === i
              ? { ...m, medianSeconds: m.medianSeconds * factor, bandwidthGBs: m.bandwidthGBs / factor }
              : m,
          );
          expect(paths({ ...base, measurements })).toContain(`measurements.${i}.medianSeconds`);
        },
      ),
    );
  });

  it('flag a bandwidth that is not bytes ÷ median by more than rounding', () => {
    const base = resultDocument({ uploadGBs: 20 });
    fc.assert(
      fc.property(fc.double({ min: 1.002, max: 100, noNaN: true }), fc.boolean(), (factor, up) => {
        const upload = base.upload;
        if (!upload) throw new Error('the document has an upload');
        const bandwidthGBs = up ? upload.bandwidthGBs * factor : upload.bandwidthGBs / factor;
        expect(paths({ ...base, upload: { ...upload, bandwidthGBs } })).toContain('upload.bandwidthGBs');
      }),
    );
    const rounded = { ...base.upload, bandwidthGBs: Number(base.upload?.bandwidthGBs.toPrecision(4)) };
    expect(paths({ ...base, upload: rounded as typeof base.upload })).toEqual([]);
  });
});
