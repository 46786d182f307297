/**
 * @module cli/llama-bench-flag — `--llama-bench FILE`: llama-bench `-o json` / `-o jsonl` output read as it
 * is; its generation runs on the scenario's device (checked against physics, result/match-llama-run) fit η
 * and t0 as the page's llama-bench form does (calibration/calibration-from-llama-runs).
 */
import { CliffbenchError } from '../errors.js';
import type { Calibration } from '../estimate/scenario.js';
import type { CliIo } from './io.js';

/** The calibration llama-bench output in `path` gives for `deviceId` (a catalog id or name; any device when undefined). */
export async function calibrationFromLlamaBenchFile(
  path: string,
  deviceQuery: string | undefined,
  io: CliIo,
): Promise<Calibration> {
  let text: string;
  try {
    text = io.readText(path);
  } catch (error) {
    throw new CliffbenchError(
      'invalid-result',
      `--llama-bench ${path}: cannot read it (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const [{ parseLlamaBenchOutput }, { calibrationFromLlamaRuns }, { findDevice }] = await Promise.all([
    import('../result/llama-runs.js'),
    import('./../calibration/calibration-from-llama-runs.js'),
    import('../device/find-device.js'),
  ]);
  let runs: ReturnType<typeof parseLlamaBenchOutput>;
  try {
    runs = parseLlamaBenchOutput(text);
  } catch (error) {
    throw new CliffbenchError(
      'invalid-result',
      `--llama-bench ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let deviceId: string | undefined;
  if (deviceQuery !== undefined) {
    try {
      deviceId = findDevice(deviceQuery).id;
    } catch {
      deviceId = undefined;
    }
  }
  return calibrationFromLlamaRuns(runs, deviceId).calibration;
}
