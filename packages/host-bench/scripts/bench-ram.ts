/**
 * `npm run bench:ram -w @cliffbench/host-bench [-- --threads N] [-- --total-mib M] [-- --message-barrier]
 * [-- --json FILE]`: the RAM benchmark on Node worker_threads, printing the thread sweep, the working-set sweep
 * and the headline figures.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runRamBenchmarkInNode } from '../src/node.js';
import { formatRamSection } from './format-ram.js';

const { values } = parseArgs({
  options: {
    threads: { type: 'string' },
    'total-mib': { type: 'string' },
    'message-barrier': { type: 'boolean' },
    json: { type: 'string' },
  },
});
const ram = await runRamBenchmarkInNode({
  plan: {
    ...(values.threads ? { maxThreads: Number(values.threads) } : {}),
    ...(values['total-mib'] ? { totalBytes: Number(values['total-mib']) * 2 ** 20 } : {}),
  },
  ...(values['message-barrier'] ? { barrier: 'message' as const } : {}),
  onProgress: (p) =>
    process.stderr.write(
      `[${p.done}/${p.total}] ${p.latest.label}: ${p.latest.bandwidthGBs.toFixed(2)} GB/s\n`,
    ),
});
console.log(formatRamSection(ram).join('\n'));
if (values.json) writeFileSync(values.json, `${JSON.stringify(ram, null, 2)}\n`);
