/**
 * @module cli/commands/curve — `cliffbench curve`: decode tokens/s against context, GPU memory or GPU layers,
 * as a table or CSV.
 */
import { parseArgs } from 'node:util';
import { type CurveAxis, cliffCurveResolved } from '../../curves/cliff-curve.js';
import { CliffbenchError } from '../../errors.js';
import { curveCsv, curveTable } from '../format-curve.js';
import type { CliIo } from '../io.js';
import { resolveFromFlags } from '../resolve-flags.js';
import { type ScenarioFlags, scenarioHelp, scenarioOptions } from '../scenario-args.js';

const axes: Readonly<Record<string, CurveAxis>> = {
  context: 'context',
  'gpu-memory': 'gpuMemory',
  gpumemory: 'gpuMemory',
  memory: 'gpuMemory',
  'gpu-layers': 'gpuLayers',
  gpulayers: 'gpuLayers',
  layers: 'gpuLayers',
};

const help = `Usage: cliffbench curve --axis context|gpu-memory|gpu-layers [flags]

Decode tokens/s along one axis, with where the working set stops fitting in GPU memory.
  context     allocated context (decode averaged over a conversation filling it)
  gpu-memory  usable GPU memory, GB
  gpu-layers  layers on the GPU (-ngl), whole layers only

Curve:
      --axis AXIS           context | gpu-memory | gpu-layers (default context)
      --points N            points on the curve (default 24; gpu-layers: every layer count)
      --from X --to X       range of the axis
      --csv                 CSV instead of a table
      --json                the curve as JSON (points with band, fit and regime; where it stops fitting)

${scenarioHelp}`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...scenarioOptions,
      axis: { type: 'string' },
      points: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(`${help}\n`);
    return 0;
  }
  const axisName = (values.axis ?? 'context').toLowerCase();
  const axis = axes[axisName];
  if (axis === undefined) {
    throw new CliffbenchError(
      'invalid-scenario',
      `--axis must be context, gpu-memory or gpu-layers, got "${values.axis}".`,
    );
  }
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const { r } = await resolveFromFlags(values as ScenarioFlags, io);
  const points = num(values.points);
  const from = num(values.from);
  const to = num(values.to);
  const curve = cliffCurveResolved(r, axis, {
    ...(points === undefined ? {} : { points }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  });
  const heading = `${r.model.name} ${r.quantName} on ${r.hardware.device.name}`;
  const text = values.json
    ? JSON.stringify(
        { model: r.model.name, quant: r.quantName, device: r.hardware.device.name, ...curve },
        null,
        2,
      )
    : values.csv
      ? curveCsv(curve)
      : `${heading}\n\n${curveTable(curve)}`;
  io.out(`${text}\n`);
  return 0;
}
