import { describe, expect, it } from 'vitest';
import { CliffbenchError, kvCacheSettings } from '../index.js';

describe('kvCacheSettings', () => {
  it('defaults to an f16 cache with flash attention on, as llama.cpp -fa auto does', () => {
    const s = kvCacheSettings({});
    expect([s.k.name, s.v.name, s.flashAttention]).toEqual(['f16', 'f16', true]);
  });

  it('uses kvCacheType for V unless kvCacheTypeV is given', () => {
    expect(kvCacheSettings({ kvCacheType: 'q8_0' }).v.name).toBe('q8_0');
    expect(kvCacheSettings({ kvCacheType: 'q8_0', kvCacheTypeV: 'f16' }).v.name).toBe('f16');
  });

  it('refuses a quantised V cache with flash attention off, as llama.cpp does', () => {
    expect(() => kvCacheSettings({ kvCacheType: 'q4_0', flashAttention: false })).toThrow(CliffbenchError);
    const thrown = (() => {
      try {
        kvCacheSettings({ kvCacheTypeV: 'q8_0', flashAttention: false });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(CliffbenchError);
    expect((thrown as CliffbenchError).code).toBe('invalid-scenario');
    expect((thrown as CliffbenchError).message).toMatch(/flash attention/);
  });

  it('allows a quantised K cache with flash attention off', () => {
    const s = kvCacheSettings({ kvCacheType: 'q8_0', kvCacheTypeV: 'f16', flashAttention: false });
    expect([s.k.name, s.v.name, s.flashAttention]).toEqual(['q8_0', 'f16', false]);
  });
});
