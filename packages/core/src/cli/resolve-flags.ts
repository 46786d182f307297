/**
 * @module cli/resolve-flags — scenario flags to a resolved scenario: the model argument read from disk when it
 * names a file, and the calibration from `--calibration FILE` (a cliffbench result document: measured GPU,
 * upload and RAM bandwidths) and `--measured-ram GBS`.
 */
import { CliffbenchError } from '../errors.js';
import { resolveScenario } from '../estimate/resolve-scenario.js';
import type { ResolvedScenario } from '../estimate/resolved.js';
import type { Calibration, ScenarioInput } from '../estimate/scenario.js';
import type { CliIo } from './io.js';
import { mmprojFromArgument, modelFromArgument } from './model-files.js';
import { type ScenarioFlags, scenarioFromFlags } from './scenario-args.js';

async function readResult(path: string, io: CliIo): Promise<Calibration> {
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
  // The result schema and calibration are imported only for --calibration: most runs need neither.
  const [{ calibrationFromResult }, { parseResultDocument }] = await Promise.all([
    import('../calibration/calibration-from-result.js'),
    import('../result/schema.js'),
  ]);
  return calibrationFromResult(parseResultDocument(json));
}

/** The (first) `--device` named. */
function firstDevice(flags: ScenarioFlags): string | undefined {
  const device: unknown = flags.device;
  const first: unknown = Array.isArray(device) ? device[0] : device;
  return typeof first === 'string' ? first : undefined;
}

/** `--llama-bench FILE`: η and t0 from its runs join the result file's bandwidths (η applies to the spec bandwidth). */
async function withLlamaBench(
  result: Calibration | undefined,
  flags: ScenarioFlags,
  io: CliIo,
): Promise<Calibration | undefined> {
  const path = flags['llama-bench'];
  if (typeof path !== 'string') return result;
  const { calibrationFromLlamaBenchFile } = await import('./llama-bench-flag.js');
  const device = firstDevice(flags);
  const runs = await calibrationFromLlamaBenchFile(path, device, io);
  const { gpuBandwidthGBs: _replaced, ...rest } = result ?? {};
  const source = [result?.source, runs.source].filter((s) => s !== undefined).join('; ');
  return { ...rest, ...runs, source: source.length <= 300 ? source : `${source.slice(0, 299)}…` };
}

/**
 * `--server URL`, unless the user's own llama-bench runs gave η: with the user's WebGPU bandwidth (from
 * `--calibration`), the learned WebGPU → llama.cpp ratio applied to it; else the device's community η and
 * prefill efficiency, which replace the WebGPU bandwidth.
 */
async function withCommunity(
  own: Calibration | undefined,
  flags: ScenarioFlags,
): Promise<Calibration | undefined> {
  const server = flags.server;
  const device = firstDevice(flags);
  if (typeof server !== 'string' || device === undefined || own?.eta !== undefined) return own;
  const { calibrationFromServer } = await import('./server-flag.js');
  const backend = typeof flags.backend === 'string' ? flags.backend : undefined;
  const community = await calibrationFromServer(server, device, backend, own?.gpuBandwidthGBs);
  if (community === undefined) return own;
  const { gpuBandwidthGBs: _replaced, ...rest } = own ?? {};
  const source = [own?.source, community.source].filter((s) => s !== undefined).join('; ');
  return { ...rest, ...community, source: source.length <= 300 ? source : `${source.slice(0, 299)}…` };
}

/** The calibration the flags give, if any; `--measured-ram` overrides a RAM figure from the file. */
async function calibrationFromFlags(flags: ScenarioFlags, io: CliIo): Promise<Calibration | undefined> {
  const result = typeof flags.calibration === 'string' ? await readResult(flags.calibration, io) : undefined;
  const file = await withCommunity(await withLlamaBench(result, flags, io), flags);
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
  const calibration = await calibrationFromFlags(flags, io);
  const scenario = { ...input, model, ...(calibration === undefined ? {} : { calibration }) };
  const path = input.mmproj;
  const mmproj = path === undefined || path === 'auto' ? undefined : await mmprojFromArgument(path);
  return { scenario, r: resolveScenario(scenario, mmproj === undefined ? options : { ...options, mmproj }) };
}
