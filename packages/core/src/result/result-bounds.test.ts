/**
 * The result document's bounds on WebGPU limits and tuning values, and the one browser rule (name without
 * version) the server stores and filters by.
 */
import { describe, expect, it } from 'vitest';
import { versionOne } from '../../test/result-fixtures.js';
import { browserName, ResultDocumentSchema, resultBrowser } from '../index.js';

const U32_MAX = 2 ** 32 - 1;

/** The issue paths (joined with '.') of `patch` applied to a valid document; [] when it is valid. */
function issuePaths(patch: Record<string, unknown>): string[] {
  const parsed = ResultDocumentSchema.safeParse({ ...versionOne, ...patch });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

/** Limits a desktop Chrome reports (an RTX-class GPU on D3D12), byte sizes above 2^32. */
const chromeLimits = {
  maxTextureDimension2D: 16384,
  maxTextureArrayLayers: 2048,
  maxBindGroups: 4,
  maxUniformBufferBindingSize: 65536,
  maxStorageBufferBindingSize: 2 ** 32 + 2 ** 31,
  maxBufferSize: 2 ** 33,
  minStorageBufferOffsetAlignment: 256,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeInvocationsPerWorkgroup: 1024,
  maxComputeWorkgroupsPerDimension: 65535,
};

describe('WebGPU limits', () => {
  it('accept what adapters report: u32 limits up to 2^32 − 1, byte sizes up to the largest safe integer', () => {
    expect(issuePaths({ limits: chromeLimits })).toEqual([]);
    expect(issuePaths({ limits: { maxTextureArrayLayers: U32_MAX, maxBufferSize: 0 } })).toEqual([]);
    expect(
      issuePaths({
        limits: {
          maxBufferSize: Number.MAX_SAFE_INTEGER,
          maxStorageBufferBindingSize: Number.MAX_SAFE_INTEGER,
          maxUniformBufferBindingSize: Number.MAX_SAFE_INTEGER,
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['maxBufferSize', 1e308],
    ['maxStorageBufferBindingSize', 2 ** 53 + 1],
    ['maxUniformBufferBindingSize', 2 ** 53],
    ['maxTextureArrayLayers', 1e308],
    ['maxTextureArrayLayers', 2 ** 32],
    ['maxComputeWorkgroupStorageSize', 2 ** 32],
    ['maxBindGroups', 4.5],
    ['someFutureLimit', 2 ** 40],
  ])('refuse %s = %d, naming it', (name, value) => {
    expect(issuePaths({ limits: { ...chromeLimits, [name]: value } })).toEqual([`limits.${name}`]);
  });
});

describe('tuning values', () => {
  it('accept the integers the benchmark records, the streaming ceiling’s included', () => {
    const tuning = {
      workgroupSize: 256,
      rowsPerWorkgroup: 4,
      'q4_0.workgroupSize': 64,
      'q4_0.rowsPerWorkgroup': 1,
      candidates: 12,
      streamWorkgroupSize: 256,
      streamWorkgroups: 4096,
      streamVec4PerThread: 4,
      streamAccumulators: 8,
      gridWorkgroups: 65535,
    };
    expect(issuePaths({ tuning })).toEqual([]);
  });

  it.each([
    ['candidates', 1e308],
    ['rowsPerWorkgroup', -1],
    ['rowsPerWorkgroup', 0],
    ['workgroupSize', 65536],
    ['workgroupSize', 0.5],
  ])('refuse %s = %d, naming it', (name, value) => {
    expect(issuePaths({ tuning: { workgroupSize: 64, [name]: value } })).toEqual([`tuning.${name}`]);
  });
});

describe('the browser of a result', () => {
  const chrome138 =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
  const withEnvironment = (environment: Record<string, unknown>) =>
    ResultDocumentSchema.parse({ ...versionOne, environment });

  it('is the name without version, however the run reports it', () => {
    expect(browserName('Chrome 138')).toBe('Chrome');
    expect(browserName(' Safari 26.0.1 ')).toBe('Safari');
    expect(browserName('Chrome Canary 140')).toBe('Chrome Canary');
    expect(browserName('Arc')).toBe('Arc');
    expect(browserName('Firefox')).toBe('Firefox');
    // A page upload records "Chrome 138"; the same browser named by its user agent alone is "Chrome".
    const page = withEnvironment({ runtime: 'browser', userAgent: chrome138, browser: 'Chrome 138' });
    const bare = withEnvironment({ runtime: 'browser', userAgent: chrome138 });
    expect(resultBrowser(page)).toBe('Chrome');
    expect(resultBrowser(bare)).toBe('Chrome');
    expect(resultBrowser(withEnvironment({ runtime: 'browser', userAgent: chrome138, browser: ' ' }))).toBe(
      'Chrome',
    );
  });
});
