/**
 * @module cli/server-flag — `--server URL` (off by default): the community calibration of the scenario's
 * device from a cliffbench results server (`GET URL/api/calibration/:deviceId`). As on the page
 * (apps/web/src/state/community.ts): when the user's own WebGPU benchmark (`--calibration result.json`)
 * measured the device's bandwidth, the learned WebGPU → llama.cpp ratio for the device's vendor and backend
 * scales it (`webgpuRatioCalibration`); otherwise, with enough distinct sources, their decode η and prefill
 * efficiency (for the scenario's backend when that has enough) calibrate the estimate, whose basis then says
 * "calibrated by N uploaded runs".
 */
import { CliffbenchError } from '../errors.js';
import type { Calibration } from '../estimate/scenario.js';

/** Seconds the server gets to answer. */
const TIMEOUT_MS = 10_000;

/**
 * The community calibration `server` holds for `deviceQuery` (a catalog name or id): the WebGPU → llama.cpp
 * ratio applied to `webgpuGBs` when the user measured one, else the community η and prefill efficiency;
 * undefined when too few sources.
 */
export async function calibrationFromServer(
  server: string,
  deviceQuery: string,
  backend: string | undefined,
  webgpuGBs?: number,
): Promise<Calibration | undefined> {
  const [
    { findDevice },
    { CommunityCalibrationSchema, communityCalibration, webgpuRatioCalibration },
    { defaultBackend },
  ] = await Promise.all([
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
  const using = backend ?? defaultBackend(device);
  return webgpuGBs === undefined
    ? communityCalibration(parsed.data, using)
    : webgpuRatioCalibration(parsed.data, device.vendor, using, webgpuGBs);
}
