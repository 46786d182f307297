/**
 * @module device/find-cpu — CPUs by name: `findCpu` for a name the user typed (`--cpu "ryzen 9 7950x"`, the
 * host beside a GPU), and `cpuFromName` for the free-text names benchmark tables give a CPU-only machine
 * ("AMD Ryzen 9 7950X 16-Core Processor", "Apple M3 Max 16-core CPU (CPU backend)").
 */
import type { Device } from './device.js';
import { cpuDevices } from './devices.js';
import { lookupOne } from './lookup.js';
import { tokenKey } from './match.js';

/** The catalog CPU `query` names; throws 'unknown-device' or 'ambiguous-device' like `findDevice`. */
export function findCpu(query: string): Device {
  return lookupOne(query, {
    what: 'CPU',
    items: cpuDevices,
    example: 'ryzen 9 7950x',
    distinguish: 'model number, core count',
    hidden: (device) => [`${(device.cpu?.performanceCores ?? 0) + (device.cpu?.efficiency?.cores ?? 0)}c`],
  });
}

/** Words a CPU's name may carry that say nothing about which CPU it is. */
const noise = new Set(['amd', 'intel', 'apple', 'cpu', 'core', 'processor', 'the']);

/** Tokens word by word, so "7950X 16-Core" stays "7950 x" and "16c" (not the link width "x16"). */
const words = (text: string): string[] =>
  text
    .split(/[\s()[\],;/]+/)
    .flatMap((word) => tokenKey(word).split(' '))
    .filter((w) => w !== '' && !noise.has(w));

/** Does the query hold token `t` of a catalog name? A core count "16c" is also held by a bare "16". */
const holds = (query: ReadonlySet<string>, t: string): boolean =>
  query.has(t) || (/^[0-9]+c$/.test(t) && query.has(t.slice(0, -1)));

/**
 * The catalog CPU a free-text name describes: every identifying word of the CPU's name (or of one of its
 * aliases) appears in the text, and of several such CPUs the one with the most words wins. Undefined when none
 * fits, or when two fit equally (the name does not say which).
 */
export function cpuFromName(name: string): Device | undefined {
  const query = new Set(words(name));
  let best: Device | undefined;
  let bestScore = 0;
  let tie = false;
  for (const device of cpuDevices) {
    for (const spelling of [device.name, ...(device.aliases ?? [])]) {
      const own = words(spelling);
      if (own.length === 0 || !own.every((t) => holds(query, t))) continue;
      if (own.length > bestScore) {
        best = device;
        bestScore = own.length;
        tie = false;
      } else if (own.length === bestScore && best !== device) tie = true;
    }
  }
  return tie ? undefined : best;
}
