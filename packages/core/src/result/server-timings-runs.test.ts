import { describe, expect, it } from 'vitest';
import { type LlamaServerTimings, LlamaServerTimingsSchema, serverTimingsRuns } from '../index.js';

/** One completion's timings: 1024 cached tokens, a 200-token prompt at 4000 tok/s, 128 generated at 120 tok/s. */
const timings = (over: Partial<LlamaServerTimings> = {}): LlamaServerTimings =>
  LlamaServerTimingsSchema.parse({
    model: '/models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
    device: 'geforce-rtx-4090',
    cache_n: 1024,
    prompt_n: 200,
    prompt_ms: 50,
    predicted_n: 128,
    predicted_ms: (128 * 1000) / 120,
    ...over,
  });

describe('llama-server timings as runs', () => {
  it('makes a decode run after the prompt and a prompt run after the cached prefix, quant from the file name', () => {
    const [tg, pp] = serverTimingsRuns(timings());
    expect(tg).toMatchObject({ kind: 'tg', depth: 1224, tokens: 128 });
    expect(pp).toMatchObject({ kind: 'pp', depth: 1024, tokens: 200 });
    for (const run of [tg, pp]) {
      if (!run?.check.match.matched) throw new Error('expected a match');
      expect(run.check.match).toMatchObject({ quant: 'Q4_K_M', backend: 'cuda' });
      expect(run.check.refused).toBeUndefined();
    }
    expect(tg?.check.measured).toBeCloseTo(120, 9);
    expect(pp?.check.measured).toBeCloseTo(4000, 9);
    expect(tg?.check.eta).toBeGreaterThan(0.3);
  });

  it('takes the named quant over the file name, and matches nothing without one', () => {
    const named = serverTimingsRuns(timings({ model: 'llama-3.1-8b', quant: 'Q8_0' }))[0]?.check.match;
    expect(named?.matched && named.quant).toBe('Q8_0');
    const bare = serverTimingsRuns(timings({ model: 'llama-3.1-8b' }))[0]?.check.match;
    expect(bare?.matched).toBe(false);
    expect(bare?.matched === false && bare.reason).toMatch(/quant .* is not named/);
    const nowhere = serverTimingsRuns(timings({ device: 'no such card' }))[0]?.check.match;
    expect(nowhere?.matched === false && nowhere.reason).toMatch(/no catalog device/);
  });

  it('refuses a decode faster than the memory allows, with the reason', () => {
    const [tg] = serverTimingsRuns(timings({ predicted_ms: (128 * 1000) / 900 }));
    expect(tg?.check.refused).toMatch(
      /^llama-server decode of 128 tokens of .* faster than its memory allows/,
    );
  });
});
