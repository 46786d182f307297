/**
 * @module estimate/CalibrationBanner — says which measured figures the estimates use (or that they belong to
 * another device — all but the RAM bandwidth, which is this machine's — with a button to switch to it), and
 * lets the user drop them.
 */
import { type Device, findDevice } from '@cliffbench/core';
import { gbPerSec, seconds, sig3 } from '../format.js';
import { clearCalibration, pageCalibration, setInput } from '../state/store.js';

function nameOf(id: string): string {
  try {
    return findDevice(id).name;
  } catch {
    return id;
  }
}

export function CalibrationBanner(props: { readonly device: Device | undefined }) {
  const p = pageCalibration.value;
  if (p === undefined) return null;
  const c = p.calibration;
  const figures = [
    c.gpuBandwidthGBs === undefined ? undefined : `GPU ${gbPerSec(c.gpuBandwidthGBs)}`,
    c.eta === undefined ? undefined : `η ${sig3(c.eta)}`,
    c.t0Seconds === undefined ? undefined : `t0 ${seconds(c.t0Seconds)}`,
    c.ramBandwidthGBs === undefined ? undefined : `RAM ${gbPerSec(c.ramBandwidthGBs)}`,
    c.pcieGBs === undefined ? undefined : `upload ${gbPerSec(c.pcieGBs)}`,
  ].filter((s): s is string => s !== undefined);
  const here = props.device?.id === p.deviceId;
  return (
    <aside class={`calibration-banner ${here ? 'applied' : 'elsewhere'}`} data-testid="calibration-banner">
      {here ? (
        <p>
          <strong>Calibrated:</strong> measured figures for {nameOf(p.deviceId)} ({figures.join(', ')}) stand
          beside the spec-sheet estimates. {c.source === undefined ? '' : <small>Source: {c.source}.</small>}
        </p>
      ) : (
        <p>
          Your measured figures ({figures.join(', ')}) are of <strong>{nameOf(p.deviceId)}</strong>, not the
          device chosen here, so the estimates use its spec-sheet figures
          {c.ramBandwidthGBs === undefined
            ? ''
            : ' (and your measured RAM, which is this machine whatever the GPU)'}
          .{' '}
          <button type="button" class="link" onClick={() => setInput('device', p.deviceId)}>
            Estimate for {nameOf(p.deviceId)}
          </button>
        </p>
      )}
      <button type="button" onClick={clearCalibration}>
        Forget measurements
      </button>
    </aside>
  );
}
