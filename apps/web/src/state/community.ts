/**
 * @module state/community — community calibration on the page: for the device the estimate names, the
 * results server's aggregate of uploaded runs (`GET /api/calibration/:deviceId`, cached for the session),
 * applied when enough distinct sources agree — core's `communityCalibration` (the device's decode η and
 * prefill efficiency, with the sources' spread widening the bands; the basis then says "calibrated by N
 * uploaded runs"), or, for a visitor whose WebGPU benchmark calibrated this
 * device, the learned WebGPU → llama.cpp ratio for its vendor and backend (`webgpuRatioCalibration`).
 * Never over the visitor's own llama-bench figures, and never over figures measured on another device.
 */
import {
  type Calibration,
  type CommunityCalibration,
  CommunityCalibrationSchema,
  communityCalibration,
  type Device,
  defaultBackend,
  findDevice,
  webgpuRatioCalibration,
} from '@cliffbench/core';
import { effect, type Signal } from '@preact/signals';
import type { PageCalibration } from './page-calibration.js';

/** Cached answers live this long in sessionStorage, ms. */
const TTL_MS = 10 * 60_000;
const memory = new Map<string, Promise<CommunityCalibration | undefined>>();

function cached(deviceId: string): CommunityCalibration | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(`community:${deviceId}`);
    if (raw == null) return undefined;
    const { at, value } = JSON.parse(raw) as { at: number; value: unknown };
    if (Date.now() - at > TTL_MS) return undefined;
    const parsed = CommunityCalibrationSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The server's community calibration of `deviceId` (undefined when there is no server or it fails). */
export function fetchCommunityCalibration(deviceId: string): Promise<CommunityCalibration | undefined> {
  const known = memory.get(deviceId);
  if (known !== undefined) return known;
  const hit = cached(deviceId);
  const request =
    hit !== undefined
      ? Promise.resolve(hit)
      : fetch(`/api/calibration/${encodeURIComponent(deviceId)}`)
          .then(async (res) => {
            if (!res.ok) return undefined;
            const parsed = CommunityCalibrationSchema.safeParse(await res.json());
            if (!parsed.success) return undefined;
            try {
              globalThis.sessionStorage?.setItem(
                `community:${deviceId}`,
                JSON.stringify({ at: Date.now(), value: parsed.data }),
              );
            } catch {
              // storage full or blocked: the in-memory copy serves this page
            }
            return parsed.data;
          })
          .catch(() => undefined);
  memory.set(deviceId, request);
  return request;
}

/**
 * What to apply for `device` given the page's calibration: nothing when the visitor's own figures for it hold
 * η, or figures of another device would be replaced; the WebGPU ratio when the visitor's WebGPU bandwidth for
 * it is known; else the community η.
 */
export function communityUpdate(
  community: CommunityCalibration,
  device: Device,
  page: PageCalibration | undefined,
): Calibration | undefined {
  const backend = defaultBackend(device);
  if (page !== undefined && page.deviceId !== device.id) {
    const c = page.calibration;
    if (c.gpuBandwidthGBs !== undefined || c.eta !== undefined || c.pcieGBs !== undefined) return undefined;
  }
  const own = page?.deviceId === device.id ? page.calibration : undefined;
  if (own?.eta !== undefined) return undefined;
  if (own?.gpuBandwidthGBs !== undefined) {
    return webgpuRatioCalibration(community, device.vendor, backend, own.gpuBandwidthGBs);
  }
  return communityCalibration(community, backend);
}

/**
 * Watches the estimate's device and the page's calibration: applies the device's community η once per device
 * and page load, and the WebGPU → llama.cpp ratio once per device when the visitor's WebGPU benchmark
 * calibrates it (also after the community η was fetched). Each applied update guards itself: η present, or
 * the ratio's source, stop a second application.
 */
export function startCommunityCalibration(
  device: () => string,
  page: Signal<PageCalibration | undefined>,
  apply: (deviceId: string, c: Calibration) => void,
): void {
  const applied = new Set<string>();
  effect(() => {
    const query = device();
    const current = page.value;
    let d: Device;
    try {
      d = findDevice(query);
    } catch {
      return;
    }
    const own = current?.deviceId === d.id ? current.calibration : undefined;
    const kind = own?.gpuBandwidthGBs !== undefined ? 'ratio' : 'eta';
    if (applied.has(`${kind} ${d.id}`)) return;
    void fetchCommunityCalibration(d.id).then((community) => {
      if (community === undefined || page.peek() !== current || applied.has(`${kind} ${d.id}`)) return;
      const update = communityUpdate(community, d, current);
      if (update === undefined) return;
      applied.add(`${kind} ${d.id}`);
      apply(d.id, update);
    });
  });
}
