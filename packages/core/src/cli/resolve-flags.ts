/**
 * @module cli/resolve-flags — scenario flags to a resolved scenario: the model argument read from disk when it
 * names a file, and the calibration from `--calibration FILE` (a cliffbench result document: measured GPU,
 * upload and RAM bandwidths) and `--measured-ram GBS`.
 */
import { calibrationFromResult } from '../calibration/calibration-from-result.js';
import { CliffbenchError } from '../errors.js';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { Calibration, ScenarioInput } from '../estimate/scenario.js';
import { parseResultDocument } from '../result/schema.js';
import type { CliIo } from './io.js';
import { modelFromArgument } from './model-files.js';
import { type ScenarioFlags, scenarioFromFlags } from './scenario-args.js';

function readResult(path: string, io: CliIo): Calibration {
  let json: unknown;
  try {
    json = JSON.parse(io.readText(path));
  } catch (error) {
    throw new CliffbenchError(
      'invalid-result',
      `--calibration ${path}: not a readable JSON file (${error instanceof Error ? error.message : String(error)}). ` +
        'It takes the JSON a cliffbench benchmark downloads.',
    );
  }
  return calibrationFromResult(parseResultDocument(json));
}

/** The calibration the flags give, if any; `--measured-ram` overrides a RAM figure from the file. */
function calibrationFromFlags(flags: ScenarioFlags, io: CliIo): Calibration | undefined {
  const file = typeof flags.calibration === 'string' ? readResult(flags.calibration, io) : undefined;
  const ram = flags['measured-ram'];
  if (typeof ram !== 'string') return file;
  const gbs = Number(ram);
  if (!(Number.isFinite(gbs) && gbs > 0)) {
    throw new CliffbenchError(
      'invalid-scenario',
      `--measured-ram must be a positive number of GB/s, got "${ram}".`,
    );
  }
  const source = [file?.source, `RAM ${gbs} GB/s measured (--measured-ram)`].filter((s) => s !== undefined);
  return { ...file, ramBandwidthGBs: gbs, source: source.join('; ') };
}

/** The scenario the flags describe (model files read, calibration applied), as given and resolved. */
export async function resolveFromFlags(
  flags: ScenarioFlags,
  io: CliIo,
): Promise<{ readonly scenario: ScenarioInput; readonly r: ResolvedScenario }> {
  const input = scenarioFromFlags(flags);
  const { model, options } = await modelFromArgument(String(input.model));
  const calibration = calibrationFromFlags(flags, io);
  const scenario = { ...input, model, ...(calibration === undefined ? {} : { calibration }) };
  return { scenario, r: resolveScenario(scenario, options) };
}
