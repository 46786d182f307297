/**
 * @module device/cpu-sources — the spec pages behind the CPU catalog's numbers (cores, clocks, memory
 * channels and data rates), keyed so rows can cite them briefly.
 */

export const cpuSourceUrls = {
  amdCpu: 'https://www.amd.com/en/products/specifications/processors.html',
  intelArk: 'https://www.intel.com/content/www/us/en/ark.html',
  appleSpecs: 'https://support.apple.com/en-us/docs/mac',
  rpi5: 'https://www.raspberrypi.com/products/raspberry-pi-5/',
  rpi4: 'https://www.raspberrypi.com/products/raspberry-pi-4-model-b/specifications/',
  rpi500plus: 'https://www.raspberrypi.com/products/raspberry-pi-500-plus/',
  orangePi5: 'http://www.orangepi.org/html/hardWare/computerAndMicrocontrollers/details/Orange-Pi-5.html',
  radxaO6: 'https://radxa.com/products/orion/o6/',
  snapdragonX: 'https://www.qualcomm.com/products/mobile/snapdragon/laptops-and-tablets/snapdragon-x-elite',
  ampere: 'https://amperecomputing.com/products/processors',
  graviton: 'https://aws.amazon.com/ec2/graviton/',
  jetson: 'https://developer.nvidia.com/embedded/jetson-modules',
} as const;

export type CpuSourceKey = keyof typeof cpuSourceUrls;

/** The URLs of `keys`, joined with " ; " as a device's `source` field carries them. */
export function citeCpu(keys: readonly CpuSourceKey[]): string {
  return keys.map((key) => cpuSourceUrls[key]).join(' ; ');
}
