/**
 * @module cli/server-flag — `--server URL` (off by default): the community calibration of the scenario's
 * device from a cliffbench results server (`GET URL/api/calibration/:deviceId`); with enough distinct
 * sources its decode η (for the scenario's backend when that has enough) calibrates the estimate, whose basis
 * then says "calibrated by N uploaded runs".
 */
import { CliffbenchError } from '../errors.js';
import type { Calibration } from '../estimate/scenario.js';

/** Seconds the server gets to answer. */
const TIMEOUT_MS = 10_000;

/** The community calibration `server` holds for `deviceQuery` (a catalog name or id), or undefined when too few runs. */
export async function calibrationFromServer(
  server: string,
  deviceQuery: string,
  backend: string | undefined,
): Promise<Calibration | undefined> {
  const [{ findDevice }, { CommunityCalibrationSchema, communityCalibration }, { defaultBackend }] =
    await Promise.all([
      import('../device/find-device.js'),
      import('../calibration/community.js'),
      import('../device/default-backend.js'),
    ]);
  const device = findDevice(deviceQuery);
  let url: URL;
  try {
    url = new URL(
      `api/calibration/${encodeURIComponent(device.id)}`,
      server.endsWith('/') ? server : `${server}/`,
    );
  } catch {
    throw new CliffbenchError(
      'invalid-scenario',
      `--server must be a URL such as https://cliffbench.example, got "${server}".`,
    );
  }
  let json: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    json = await res.json();
  } catch (error) {
    throw new CliffbenchError(
      'invalid-result',
      `--server ${server}: no community calibration for ${device.name} (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const parsed = CommunityCalibrationSchema.safeParse(json);
  if (!parsed.success) {
    throw new CliffbenchError(
      'invalid-result',
      `--server ${server}: the answer is not a community calibration.`,
    );
  }
  return communityCalibration(parsed.data, backend ?? defaultBackend(device));
}
