/**
 * @module bench/ProbePanel — what the browser exposes (adapter, timing, features, limits), the device it is
 * guessed to be, and the device the user confirms or picks before running.
 */
import type { ProbeInfo } from '@cliffbench/webgpu-bench';
import { binaryBytes } from '../format.js';
import { DeviceCombobox, deviceDetail } from '../inputs/DeviceCombobox.js';
import { claimedDevice, claimedId, guess } from './bench-state.js';

/** Limits worth showing, with what they mean for the benchmark. */
const SHOWN_LIMITS: readonly [string, string][] = [
  ['maxBufferSize', 'largest buffer'],
  ['maxStorageBufferBindingSize', 'largest storage binding'],
  ['maxComputeWorkgroupSizeX', 'workgroup size'],
  ['maxComputeInvocationsPerWorkgroup', 'invocations per workgroup'],
  ['maxComputeWorkgroupStorageSize', 'workgroup memory'],
];

function adapterName(p: ProbeInfo): string {
  const a = p.adapter;
  return (
    [a.vendor, a.architecture, a.description || a.device].filter((s) => s !== '').join(' · ') ||
    'unnamed adapter'
  );
}

export function ProbePanel(props: { readonly info: ProbeInfo }) {
  const p = props.info;
  const g = guess.value;
  const device = claimedDevice();
  return (
    <section class="card probe" aria-labelledby="probe-title" data-testid="probe">
      <h3 id="probe-title">Your GPU, as the browser shows it</h3>
      <p>
        Adapter: <strong>{adapterName(p)}</strong> · timing by{' '}
        {p.timingMode === 'timestamp-query' ? 'GPU timestamps' : 'wall clock'}
        {p.features.includes('shader-f16') ? ' · shader-f16' : ''}
      </p>
      {g?.software ? (
        <p class="warn-box" data-testid="software-adapter">
          This is a software adapter: your CPU emulating a GPU. The run works, but its figures describe no GPU
          — use them to try the page, not to calibrate a real card.
        </p>
      ) : g?.family !== undefined ? (
        <p>
          Looks like the <strong>{g.family}</strong> family; browsers do not reveal the exact model, so pick
          yours.
        </p>
      ) : null}
      <div class="field">
        <label for="bench-device">This is my</label>
        <DeviceCombobox
          id="bench-device"
          value={claimedId.value ?? ''}
          onPick={(d) => {
            claimedId.value = d.id;
          }}
          describedBy="bench-device-hint"
        />
        <small id="bench-device-hint">
          {device === undefined
            ? 'Pick the device, so the result is compared with its spec sheet and calibrates its estimates.'
            : `${device.name}: ${deviceDetail(device)} on the spec sheet.`}
        </small>
      </div>
      {g !== undefined && g.candidates.length > 1 ? (
        <p class="candidates">
          Candidates:{' '}
          {g.candidates.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ', ' : ''}
              <button
                type="button"
                class="link"
                aria-pressed={d.id === device?.id}
                onClick={() => (claimedId.value = d.id)}
              >
                {d.name}
              </button>
            </span>
          ))}
        </p>
      ) : null}
      <details>
        <summary>Features and limits</summary>
        <p class="features">{p.features.join(', ') || 'no optional features'}</p>
        <dl class="limits">
          {SHOWN_LIMITS.map(([key, label]) => {
            const v = p.limits[key];
            return v === undefined ? null : (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{key.endsWith('Size') && v >= 1024 ? binaryBytes(v) : v}</dd>
              </div>
            );
          })}
        </dl>
      </details>
    </section>
  );
}
