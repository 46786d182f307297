import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../test/family-headers.js';
import { recurrentStateBytes } from '../footprint/kv-cache.js';
import { kvCacheBytes, resolveScenario } from '../index.js';
import { contextSizes, kvBytes } from './memory.js';

describe('KV memory placed on devices', () => {
  it.each(FAMILIES.map((f) => [f.id, f] as const))(
    'adds up, over all layers, to the cache llama.cpp allocates, recurrent state included: %s',
    (_, family) => {
      const r = resolveScenario({
        model: { hfConfig: family.config },
        quant: 'Q8_0',
        device: 'rtx 3090',
        contextTokens: 8192,
      });
      const n = r.model.layers.length;
      const placed = kvBytes(r, contextSizes(r), 0, n);
      expect(placed).toBeCloseTo(kvCacheBytes(r.model, 8192), -3);
      // The split is exact: the first k layers and the rest hold it all, state included.
      const k = Math.floor(n / 2);
      expect(kvBytes(r, contextSizes(r), 0, k) + kvBytes(r, contextSizes(r), k, n)).toBeCloseTo(placed, -3);
      if (recurrentStateBytes(r.model) > 0) expect(placed).toBeGreaterThan(recurrentStateBytes(r.model));
    },
  );
});
