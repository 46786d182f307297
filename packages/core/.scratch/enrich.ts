import { readFileSync } from 'node:fs';
import { resolveDevice } from '../src/estimate/resolve-hardware.js';
const rows = readFileSync('/work/shared/reference/validation-public.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l));
const seen = new Set<string>();
for (const r of rows) { const d = r.device; if (seen.has(d.name)) continue; seen.add(d.name);
  const dev = resolveDevice(d); console.log(d.name.padEnd(60), dev.memoryType ?? '-', dev.pcie ? `${dev.pcie.gen}x${dev.pcie.lanes}`:'-', dev.fp16Tflops ?? '-', d.fp16Tflops ?? '-'); }
