/**
 * `npm run bench:cli -w packages/core [-- RUNS]`: how long one `cliffbench estimate` takes as a whole process
 * (the built bin, `npm run build` first) against bare `node -e 0`, median of RUNS (default 15) each, run
 * alternately so machine load falls on both alike. Prints both medians and their ratio. Target: ≤ 150 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from '../src/stats/sample-stats.js';

const bin = resolve(import.meta.dirname, '../dist/bin/main.js');
if (!existsSync(bin)) {
  console.error(`No ${bin}: run \`npm run build -w @cliffbench/core\` first.`);
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 15);
const estimate = ['estimate', '-m', 'gemma-4-31b', '-q', 'Q4_K_M', '-d', 'rtx 3060 12gb', '--ram', '32'];

/** Wall-clock milliseconds of one `node ...args` process. */
function once(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const bare: number[] = [];
const cli: number[] = [];
once([bin, ...estimate]); // the first run also reads the files from disk
for (let i = 0; i < runs; i++) {
  bare.push(once(['-e', '0']));
  cli.push(once([bin, ...estimate]));
}
const b = median(bare);
const c = median(cli);
const label = `cliffbench ${estimate.join(' ').replace('rtx 3060 12gb', '"rtx 3060 12gb"')}`;
console.log(`Whole processes, median of ${runs} each (Node ${process.version}):`);
console.log(`  ${'node -e 0'.padEnd(label.length)}  ${b.toFixed(0).padStart(5)} ms`);
console.log(`  ${label}  ${c.toFixed(0).padStart(5)} ms`);
console.log(`  ratio ${(c / b).toFixed(2)}×, ${(c - b).toFixed(0)} ms more than bare Node`);
