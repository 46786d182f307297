/**
 * Part of `npm run build`: bundles the CLI (tsc's dist/cli/main.js and everything it imports, zod and the GGUF
 * reader included) into dist/bin/ with esbuild, the `cliffbench` bin. One file per command instead of ~165
 * modules: Node resolves and compiles far less before the first estimate (`npm run bench:cli` measures it).
 * Code split at the CLI's dynamic imports, so each command still loads only what it needs.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(`${dist}bin`, { recursive: true, force: true });
await build({
  entryPoints: [`${dist}cli/main.js`],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  outdir: `${dist}bin`,
  // Dependencies written as CommonJS call require(); an ES module has none, so each chunk makes one.
  banner: {
    js: "import { createRequire as __cliffbenchRequire } from 'node:module'; const require = __cliffbenchRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
