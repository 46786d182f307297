/** Result documents for the server tests: a real quick run on SwiftShader, and variants of it. */
import { readFileSync } from 'node:fs';
import type { ResultDocument } from '@cliffbench/core';

const real = JSON.parse(
  readFileSync(new URL('./fixtures/swiftshader-quick.json', import.meta.url), 'utf8'),
) as ResultDocument;

/** A valid document; `n` makes it distinct (a different run time). */
export function resultDocument(n = 0, patch: Partial<ResultDocument> = {}): ResultDocument {
  return {
    ...structuredClone(real),
    createdAt: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
    ...patch,
  };
}
