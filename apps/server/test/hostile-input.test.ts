/**
 * A few hundred generated malformed, oversized and hostile uploads: each is refused with a 4xx or stored
 * inert (returned byte-for-byte as JSON text), none gets a 5xx, and the row count grows by exactly the
 * number of documents acknowledged as new.
 */
import type { ResultDocument } from '@cliffbench/core';
import { describe, expect, it } from 'vitest';
import { type Backend, backends, openedBackend, post, storedRows } from './backends.js';
import { resultDocument } from './documents.js';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE results; --",
  "1' OR '1'='1",
  '$1); DELETE FROM results; --',
  '\\u0000\\x00%00',
  '{{constructor.constructor("alert(1)")()}}',
  '../../etc/passwd',
  'javascript:alert(1)',
  '🔥'.repeat(50),
  '\u202e\u0007\u001b[31m',
];
const HUGE_NUMBERS = [
  '1e308',
  '1e999',
  '-1e999',
  '9007199254740993',
  '0',
  '-0',
  '1e-400',
  '123456789012345678901234567890',
];

type Mutation = (
  doc: Record<string, unknown>,
  pick: <T>(xs: readonly T[]) => T,
  rand: () => number,
) => unknown;

/** Ways to corrupt a valid document: each returns a value to send (a string is sent as-is). */
const MUTATIONS: readonly Mutation[] = [
  (d, pick) => ({ ...d, claimedDevice: { name: pick(HOSTILE_TEXT) } }),
  (d, pick) => ({
    ...d,
    adapter: { ...(d.adapter as object), description: pick(HOSTILE_TEXT), vendor: pick(HOSTILE_TEXT) },
  }),
  (d, pick) => ({ ...d, environment: { ...(d.environment as object), browser: pick(HOSTILE_TEXT) } }),
  (d, pick) => ({ ...d, features: HOSTILE_TEXT.slice(0, 1 + Math.floor(pick([1, 5, 10]))) }),
  (d, pick) =>
    JSON.stringify(d).replace('"durationSeconds":', `"durationSeconds":${pick(HUGE_NUMBERS)},"x":`),
  (d, pick) => JSON.stringify(d).replace(/"bytesPerPass":[0-9.e+-]+/, `"bytesPerPass":${pick(HUGE_NUMBERS)}`),
  (d, pick) => ({ ...d, limits: { ...(d.limits as object), [pick(HOSTILE_TEXT)]: 1 } }),
  (d) => JSON.stringify(d).replace('"limits":{', '"limits":{"__proto__":{"polluted":1},'),
  (d) => JSON.stringify(d).replace('{', '{"__proto__":{"polluted":1},'),
  (d) => ({ ...d, tuning: { constructor: { prototype: { polluted: 1 } } } }),
  (_, __, r) => `${'['.repeat(1000 + Math.floor(r() * 50_000))}1${']'.repeat(10)}`,
  (d, __, r) => {
    const depth = 500 + Math.floor(r() * 500);
    return JSON.stringify(d).replace('"sweep":[', `"sweep":[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},`);
  },
  (d) => ({ ...d, measurements: Array.from({ length: 501 }, () => (d.measurements as unknown[])[0]) }),
  (d) => ({ ...d, claimedDevice: { name: 'x'.repeat(3_000_000) } }),
  (d) => ({ ...d, features: Array.from({ length: 201 }, (_, i) => `f${i}`) }),
  (d, pick) => ({
    ...d,
    [pick(['schemaVersion', 'mode', 'createdAt', 'timingMode'])]: pick([null, 2, 'x', [], {}, true]),
  }),
  (d, pick) => ({ ...d, createdAt: pick(['yesterday', '2026-13-45T00:00:00Z', '', '<script>']) }),
  (_, pick) => pick(['null', 'true', '1', '"string"', '[]', '{}', '\u0000', 'undefined', 'NaN']),
  (d, __, r) => JSON.stringify(d).slice(0, Math.floor(r() * JSON.stringify(d).length)),
  (d) => ({
    ...d,
    measurements: (d.measurements as Record<string, unknown>[]).map((m) => ({
      ...m,
      samplesSeconds: [Number.MAX_VALUE],
    })),
  }),
];

describe.each(backends)('hostile uploads on $name', (backend: Backend) => {
  const t = openedBackend(backend);

  it('refuses or stores inert 300 generated hostile documents, never answering 5xx', async () => {
    const rand = prng(0xc11ff);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const count = () => storedRows(t.db);
    const before = await count();
    const created: { id: string; sent: string }[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const base = resultDocument({ n: 10_000 + i }) as unknown as Record<string, unknown>;
      const mutated = pick(MUTATIONS)(base, pick, rand);
      const sent = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
      const res = await post(t.app, sent);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect([200, 201, 400, 413, 422], `mutation ${i}: ${sent.slice(0, 120)}`).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      if (res.status === 201) created.push({ id: ((await res.json()) as { id: string }).id, sent });
    }
    expect(await count()).toBe(before + created.length);
    // Several kinds of outcome happened: the generator is not just producing one trivially refused shape.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(5);
    for (const { id, sent } of created) {
      const res = await t.app.request(`/api/results/${id}`);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const stored = (await res.json()) as ResultDocument;
      const original = JSON.parse(sent) as Record<string, unknown>;
      // Hostile text comes back exactly as sent (inert data), except keys the schema drops (__proto__).
      expect(stored.claimedDevice).toEqual(original.claimedDevice);
      expect(stored.adapter).toEqual(original.adapter);
      expect(Object.hasOwn(stored.limits, '__proto__')).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.db.query('SELECT 1 FROM results LIMIT 1')).rows).toHaveLength(1);
  });
});
