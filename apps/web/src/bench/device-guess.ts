/**
 * @module bench/device-guess — which catalog devices the WebGPU adapter could be. Browsers hide the exact
 * model (`adapter.info.description` is usually empty), but vendor and architecture are given, as Dawn names
 * them (lower-case, spaces as hyphens: "nvidia"/"ampere", "amd"/"rdna-3"; google/dawn src/dawn/gpu_info.json).
 * The guess narrows the catalog; the user confirms or picks the exact card.
 */
import { type Device, searchDevices } from '@cliffbench/core';
import type { AdapterSummary } from '@cliffbench/webgpu-bench';

interface ArchitectureHint {
  /** Adapter vendor string, lower-case. */
  readonly vendor: string;
  /** Adapter architecture string (prefix match); undefined matches any. */
  readonly architecture?: string;
  /** Catalog vendor. */
  readonly catalogVendor: string;
  /** What to search the catalog for. */
  readonly query: string;
  readonly family: string;
}

/** Architecture → product line (vendor product pages: GeForce RTX 20/30/40/50 = Turing/Ampere/Ada/Blackwell, Radeon RX 6000/7000/9000 = RDNA 2/3/4, Arc A/B = Alchemist/Battlemage). */
const HINTS: readonly ArchitectureHint[] = [
  {
    vendor: 'nvidia',
    architecture: 'turing',
    catalogVendor: 'NVIDIA',
    query: 'rtx 20',
    family: 'GeForce RTX 20 (Turing)',
  },
  {
    vendor: 'nvidia',
    architecture: 'ampere',
    catalogVendor: 'NVIDIA',
    query: 'rtx 30',
    family: 'GeForce RTX 30 (Ampere)',
  },
  {
    vendor: 'nvidia',
    architecture: 'lovelace',
    catalogVendor: 'NVIDIA',
    query: 'rtx 40',
    family: 'GeForce RTX 40 (Ada Lovelace)',
  },
  {
    vendor: 'nvidia',
    architecture: 'blackwell',
    catalogVendor: 'NVIDIA',
    query: 'rtx 50',
    family: 'GeForce RTX 50 (Blackwell)',
  },
  {
    vendor: 'amd',
    architecture: 'rdna-2',
    catalogVendor: 'AMD',
    query: 'rx 6',
    family: 'Radeon RX 6000 (RDNA 2)',
  },
  {
    vendor: 'amd',
    architecture: 'rdna-3',
    catalogVendor: 'AMD',
    query: 'rx 7',
    family: 'Radeon RX 7000 (RDNA 3)',
  },
  {
    vendor: 'amd',
    architecture: 'rdna-4',
    catalogVendor: 'AMD',
    query: 'rx 9',
    family: 'Radeon RX 9000 (RDNA 4)',
  },
  {
    vendor: 'intel',
    architecture: 'gen-12-hp',
    catalogVendor: 'Intel',
    query: 'arc a',
    family: 'Arc A (Alchemist)',
  },
  {
    vendor: 'intel',
    architecture: 'xe2',
    catalogVendor: 'Intel',
    query: 'arc b',
    family: 'Arc B (Battlemage)',
  },
  { vendor: 'apple', catalogVendor: 'Apple', query: 'apple', family: 'Apple silicon' },
];

/** Software adapters (a CPU emulating a GPU): their figures describe no GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|warp|software/i;

export interface DeviceGuess {
  /** The adapter is a software renderer. */
  readonly software: boolean;
  /** The product line the adapter belongs to, when known. */
  readonly family?: string;
  /** Catalog devices it could be, most likely first (at most 12). */
  readonly candidates: readonly Device[];
  /** The device to preselect, if any. */
  readonly best?: Device;
}

const MAX_CANDIDATES = 12;

/**
 * Candidates for `adapter`. `preferred` (the device chosen on the estimate view) wins when it is among the
 * candidates, or when nothing narrows the catalog but it has the adapter's vendor.
 */
export function guessDevice(adapter: AdapterSummary, preferred?: Device): DeviceGuess {
  const text = [adapter.vendor, adapter.architecture, adapter.device, adapter.description].join(' ');
  const software = adapter.isFallbackAdapter === true || SOFTWARE.test(text);
  if (software) return { software, candidates: [] };
  const vendor = adapter.vendor.toLowerCase();
  const arch = adapter.architecture.toLowerCase();
  const described = adapter.description.trim() === '' ? [] : searchDevices(adapter.description, 3);
  const hint = HINTS.find(
    (h) => h.vendor === vendor && (h.architecture === undefined || arch.startsWith(h.architecture)),
  );
  const byVendor = HINTS.find((h) => h.vendor === vendor)?.catalogVendor;
  const line =
    hint === undefined ? [] : searchDevices(hint.query, 60).filter((d) => d.vendor === hint.catalogVendor);
  const candidates = [...new Set([...described, ...line])].slice(0, MAX_CANDIDATES);
  const preferredFits =
    preferred !== undefined &&
    (line.some((d) => d.id === preferred.id) ||
      described.some((d) => d.id === preferred.id) ||
      (candidates.length === 0 && preferred.vendor === byVendor));
  const best = preferredFits
    ? preferred
    : (described[0] ?? (candidates.length === 1 ? candidates[0] : undefined));
  return {
    software,
    ...(hint === undefined ? {} : { family: hint.family }),
    candidates: preferredFits && !candidates.includes(preferred) ? [preferred, ...candidates] : candidates,
    ...(best === undefined ? {} : { best }),
  };
}
