/**
 * @module cli/commands/estimate — `cliffbench estimate`: one scenario from flags (human text or --json), or
 * a batch file of JSON-lines scenarios (--batch FILE, one result line per scenario, in order).
 */
import { parseArgs } from 'node:util';
import { estimateResolved } from '../../estimate/estimate.js';
import { multiGpuName } from '../../estimate/multi-gpu-hardware.js';
import { formatEstimate } from '../format-estimate.js';
import type { CliIo } from '../io.js';
import { batchMmprojResolver, batchModelResolver } from '../model-files.js';
import { resolveFromFlags } from '../resolve-flags.js';
import { type ScenarioFlags, scenarioHelp, scenarioOptions } from '../scenario-args.js';

const help = `Usage: cliffbench estimate [flags]
       cliffbench estimate --batch FILE.jsonl     (FILE "-" reads standard input)

Estimates decode and prefill speed, time to first token, memory and placement for one scenario.

Output:
      --json                the detailed estimate as JSON
      --batch FILE          one scenario per line in, one JSON result per line out ({id, error} for bad lines)

${scenarioHelp}

Example:
  cliffbench estimate -m gemma-4-31b -q Q4_K_M -d "rtx 3060 12gb" --ram 32`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...scenarioOptions,
      json: { type: 'boolean' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(`${help}\n`);
    return 0;
  }
  if (values.batch !== undefined) {
    const lines = io.readText(values.batch).split(/\r?\n/);
    const resolveModel = await batchModelResolver(lines);
    const resolveMmproj = await batchMmprojResolver(lines);
    const { runBatch } = await import('../../estimate/batch.js');
    for (const result of runBatch(lines, { resolveModel, resolveMmproj }))
      io.out(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const { r } = await resolveFromFlags(values as ScenarioFlags, io);
  const e = estimateResolved(r);
  if (values.json) {
    io.out(`${JSON.stringify(e, null, 2)}\n`);
    return 0;
  }
  io.out(
    `${formatEstimate(e, {
      model: r.model.name,
      quant: r.quantName,
      device: r.gpus === undefined ? r.hardware.device.name : multiGpuName(r.gpus),
      backend: r.hardware.backend,
      contextTokens: r.settings.contextTokens,
      promptTokens: r.settings.promptTokens,
    })}\n`,
  );
  return 0;
}
