/**
 * `npm run gen:wgsl -w @cliffbench/webgpu-bench`: writes `<kernel>.wgsl.gen.ts` beside every `.wgsl` file in
 * src (see wgsl-embedding.ts). Runs before every build; a test fails when a generated module is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expectedModules } from './wgsl-embedding.js';

let written = 0;
for (const { path, text } of expectedModules()) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Not generated yet.
  }
  if (current !== text) {
    writeFileSync(path, text);
    written += 1;
  }
}
console.log(`embed-wgsl: ${written} module(s) written`);
