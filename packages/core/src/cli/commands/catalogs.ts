/**
 * @module cli/commands/catalogs — `cliffbench models`, `devices [query]` and `quants`: the catalogs as tables.
 */
import { parseArgs } from 'node:util';
import { devices } from '../../device/devices.js';
import { searchDevices } from '../../device/find-device.js';
import { models } from '../../model/catalog.js';
import { kvCacheTypes } from '../../quant/kv-cache-types.js';
import { quantMixes } from '../../quant/quant-mixes.js';
import type { CliIo } from '../io.js';

/** Left-aligned columns separated by two spaces. */
function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function helpOnly(args: readonly string[], extra: Record<string, { type: 'boolean' | 'string' }> = {}) {
  return parseArgs({
    args: [...args],
    options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, ...extra },
    allowPositionals: true,
    strict: true,
  });
}

const modelsHelp = `Usage: cliffbench models [--json]

Lists the model catalog: ids to pass to --model, layers, context and source.`;

/** `cliffbench models`. */
export function runModels(args: readonly string[], io: CliIo): number {
  const { values } = helpOnly(args);
  if (values.help) {
    io.out(`${modelsHelp}\n`);
    return 0;
  }
  if (values.json) {
    io.out(`${JSON.stringify(models, null, 2)}\n`);
    return 0;
  }
  const rows = models.map((m) => {
    const moe = m.layers.find((l) => l.ffn.kind === 'moe')?.ffn;
    const experts = moe?.kind === 'moe' ? `MoE ${moe.expertsUsed}/${moe.experts}` : 'dense';
    return [m.id, m.name, `${m.layers.length} layers`, experts, `${m.maxContext} ctx`];
  });
  io.out(`${table([['id', 'name', 'layers', 'ffn', 'context'], ...rows])}\n`);
  return 0;
}

const devicesHelp = `Usage: cliffbench devices [QUERY] [--json]

Lists devices (GPUs, Apple silicon by chip and memory size); with a query, the best matches
(forgiving: "rtx 3060 12gb", "m3 max 40-core").`;

/** `cliffbench devices`. */
export function runDevices(args: readonly string[], io: CliIo): number {
  const { values, positionals } = helpOnly(args);
  if (values.help) {
    io.out(`${devicesHelp}\n`);
    return 0;
  }
  const query = positionals.join(' ').trim();
  const found = query === '' ? devices : searchDevices(query, 20);
  if (values.json) {
    io.out(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  if (found.length === 0) {
    io.err(`No device matches "${query}".\n`);
    return 1;
  }
  const rows = found.map((d) => [
    d.name,
    d.kind,
    d.memoryGB === undefined ? '' : `${d.memoryGB} GB`,
    `${d.bandwidthGBs} GB/s`,
    d.fp16Tflops === undefined ? '' : `${d.fp16Tflops} TFLOPS`,
  ]);
  io.out(`${table([['name', 'kind', 'memory', 'bandwidth', 'fp16'], ...rows])}\n`);
  return 0;
}

const quantsHelp = `Usage: cliffbench quants [--json]

Lists the quant mixes (--quant) and KV-cache types (--kv).`;

/** `cliffbench quants`. */
export function runQuants(args: readonly string[], io: CliIo): number {
  const { values } = helpOnly(args);
  if (values.help) {
    io.out(`${quantsHelp}\n`);
    return 0;
  }
  if (values.json) {
    io.out(`${JSON.stringify({ quantMixes, kvCacheTypes }, null, 2)}\n`);
    return 0;
  }
  const mixes = quantMixes.map((q) => [q.name, q.format, `~${q.nominalBitsPerWeight} bpw`, q.description]);
  const kv = kvCacheTypes.map((k) => [k.name, `${k.bytesPerElement} B/element`]);
  io.out(
    `${table([['quant', 'format', 'size', 'what'], ...mixes])}\n\n${table([['kv cache', 'size'], ...kv])}\n`,
  );
  return 0;
}
