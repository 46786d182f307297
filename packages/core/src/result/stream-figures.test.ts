import { describe, expect, it } from 'vitest';
import { versionOne } from '../../test/result-fixtures.js';
import { copyCrossCheck, parseResultDocument, streamCeiling } from '../index.js';

const [read] = versionOne.measurements;
const doc = parseResultDocument({
  ...versionOne,
  measurements: [
    { ...read, label: 'stream 64 MiB', bandwidthGBs: 300 },
    { ...read, kernel: 'stream-copy', label: 'copy 256 MiB (cross-check)', bandwidthGBs: 500 },
    { ...read, label: 'stream 256 MiB (ceiling)', bandwidthGBs: 310 },
  ],
});

describe('streaming figures of a result document', () => {
  it('takes the fastest streaming read as the ceiling, never the copy (its GB/s count writes too)', () => {
    expect(streamCeiling(doc)?.label).toBe('stream 256 MiB (ceiling)');
    expect(copyCrossCheck(doc)?.bandwidthGBs).toBe(500);
  });

  it('has no copy cross-check in documents written before it existed', () => {
    expect(copyCrossCheck(parseResultDocument(versionOne))).toBeUndefined();
    expect(streamCeiling(parseResultDocument(versionOne))?.bandwidthGBs).toBe(268);
  });
});
