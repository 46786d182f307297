/**
 * @module device/device-from-spec — a `Device` from explicit numbers (batch scenarios and the page's "custom
 * device" give them) instead of a catalog name.
 */
import { CliffbenchError } from '../errors.js';
import { type DeviceSpec, DeviceSpecSchema } from '../estimate/scenario.js';
import type { Device, FormFactor } from './device.js';
import { BYTES_PER_MARKETED_GB, slugify } from './gpu-table.js';
import { vendorFromBrandWords } from './match.js';

/** "M1", "M3 Max", "Apple M2 Ultra": chip names that say Apple without the brand word. */
const appleChipName = /(^|\s)m[1-9](\s|$)/i;

function formFactorOf(spec: DeviceSpec): FormFactor {
  if (spec.kind === 'cpu') return 'cpu';
  if (spec.kind === 'unified') return 'soc';
  return /laptop|mobile|notebook/i.test(spec.name) ? 'laptop' : 'desktop';
}

/**
 * A device with exactly the given numbers. `memoryGB` is read as marketed ("12" for a 12GB card = 12 GiB) and
 * required unless `kind` is `cpu`. The vendor (which picks the default backend) comes from brand words in the
 * name, "unknown" when there are none. Throws 'invalid-scenario' when the spec does not validate.
 */
export function deviceFromSpec(spec: DeviceSpec): Device {
  const parsed = DeviceSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'device'}: ${issue.message}`,
    );
    throw new CliffbenchError('invalid-scenario', `Invalid device specification: ${problems.join('; ')}.`, {
      issues: problems,
    });
  }
  const { name, kind, bandwidthGBs, memoryGB, fp16Tflops } = parsed.data;
  if (kind !== 'cpu' && memoryGB === undefined) {
    throw new CliffbenchError(
      'invalid-scenario',
      `Device "${name}" needs memoryGB (accelerator memory, or the unified pool) for kind "${kind}".`,
      { field: 'memoryGB' },
    );
  }
  const vendor = vendorFromBrandWords(name) ?? (appleChipName.test(name) ? 'Apple' : 'unknown');
  return {
    id: `spec-${slugify(name)}`,
    name,
    vendor,
    kind,
    formFactor: formFactorOf(parsed.data),
    ...(memoryGB === undefined ? {} : { memoryGB, memoryBytes: memoryGB * BYTES_PER_MARKETED_GB }),
    bandwidthGBs,
    ...(fp16Tflops === undefined ? {} : { fp16Tflops }),
    source: 'explicit specification',
  };
}
