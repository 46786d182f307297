import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedModules, wgslFiles } from '../scripts/wgsl-embedding.js';
import { gemvKernels, streamReadWGSL } from '../src/index.js';

describe('the WGSL beside its host code', () => {
  it('is embedded in generated modules that match the .wgsl files (run npm run gen:wgsl after editing one)', () => {
    const modules = expectedModules();
    expect(modules.length).toBe(6);
    for (const { path, text } of modules) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it('reaches the kernels through the public entry', () => {
    const byName = new Map(wgslFiles().map((f) => [f.split('/').at(-1), readFileSync(f, 'utf8')]));
    expect(gemvKernels.q4_k).toBe(byName.get('gemv-q4_k.wgsl'));
    expect(streamReadWGSL).toBe(byName.get('stream-read.wgsl'));
  });
});
