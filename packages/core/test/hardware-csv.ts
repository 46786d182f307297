/**
 * Test helper: the hardware reference table (`test/fixtures/hardware.csv`: GPU, SoC, PCIe and
 * system-memory specifications, each row citing its vendor page or measurement in its `source` column)
 * parsed into rows keyed by column name.
 */
import { readFileSync } from 'node:fs';

export type HardwareRow = Readonly<Record<string, string>>;

/** Splits one CSV line, honouring double-quoted fields (which may hold commas). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** Every row of the hardware reference. */
export function readHardwareCsv(): HardwareRow[] {
  const text = readFileSync(new URL('./fixtures/hardware.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = splitCsvLine(header ?? '');
  return lines.map((line) => {
    const values = splitCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, values[i] ?? '']));
  });
}

/** Accelerator rows: discrete, laptop, workstation and datacenter GPUs and unified-memory SoCs. */
export const acceleratorKinds = new Set([
  'discrete_gpu',
  'laptop_gpu',
  'workstation_gpu',
  'datacenter_gpu',
  'soc_unified',
]);
