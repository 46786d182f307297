/**
 * @module format-result — a result document as the benchmark scripts print it (bench:node, bench:browser):
 * the adapter, the tuned streaming ceiling and its copy cross-check, every GEMV with its ratio to the
 * ceiling (and to the spec sheet when the device is known), the fits per format, the decode step, upload,
 * the sweep and what was skipped.
 */
import { copyCrossCheck, type ResultDocument, streamCeiling } from '@cliffbench/core';

const f = (x: number | undefined, digits = 3) => (x === undefined ? '-' : x.toFixed(digits));
const mib = (b: number) => `${+(b / 2 ** 20).toFixed(2)} MiB`;

/** Lines describing `doc`; `specGBs` is the device's spec-sheet memory bandwidth, when known. */
export function formatResult(doc: ResultDocument, specGBs?: number): string[] {
  const ceiling = streamCeiling(doc);
  const copy = copyCrossCheck(doc);
  const ofCeiling = (gbs: number) => (ceiling ? f(gbs / ceiling.bandwidthGBs, 2) : '-');
  const ofSpec = (gbs: number) => (specGBs ? f(gbs / specGBs, 2) : '-');
  const adapter = [doc.adapter.vendor, doc.adapter.architecture, doc.adapter.description].filter(Boolean);
  const stream = Object.entries(doc.tuning).filter(([k]) => k.startsWith('stream.'));
  const out = [
    `Adapter: ${adapter.join(' / ')} · ${doc.mode} run · timing ${doc.timingMode}`,
    `Streaming-read ceiling: ${f(ceiling?.bandwidthGBs)} GB/s over ${mib(ceiling?.workingSetBytes ?? 0)}` +
      ` (${ofSpec(ceiling?.bandwidthGBs ?? 0)} of spec${specGBs ? ` ${specGBs} GB/s` : ''}); tuned ${stream.map(([k, v]) => `${k.slice(7)} ${v}`).join(', ')}`,
    `Copy cross-check: ${f(copy?.bandwidthGBs)} GB/s read + written`,
    '',
    `${'format'.padEnd(7)} ${'shape'.padEnd(62)} ${'working set'.padStart(11)} ${'GB/s'.padStart(8)} ÷ceiling  ÷spec`,
  ];
  for (const m of doc.measurements.filter((x) => x.kernel === 'gemv')) {
    out.push(
      `${m.format.padEnd(7)} ${`${m.label} ${m.rows}×${m.cols}`.padEnd(62)} ${mib(m.workingSetBytes).padStart(11)} ${f(m.bandwidthGBs).padStart(8)} ${ofCeiling(m.bandwidthGBs).padStart(8)} ${ofSpec(m.bandwidthGBs).padStart(6)}`,
    );
  }
  out.push('', 'format  fit GB/s  launch µs     r²  ÷ceiling  ÷spec');
  for (const fit of doc.fits) {
    out.push(
      `${fit.format.padEnd(7)} ${f(fit.bandwidthGBs).padStart(8)} ${(fit.launchSeconds * 1e6).toFixed(0).padStart(10)}  ${fit.r2.toFixed(3)}  ${ofCeiling(fit.bandwidthGBs).padStart(8)} ${ofSpec(fit.bandwidthGBs).padStart(6)}`,
    );
  }
  for (const m of doc.measurements.filter((x) => x.kernel === 'decode-step')) {
    out.push(
      '',
      `${m.label}: ${f(m.bandwidthGBs)} GB/s over ${mib(m.workingSetBytes)} (${ofCeiling(m.bandwidthGBs)} of the ceiling, ${ofSpec(m.bandwidthGBs)} of spec)`,
    );
  }
  for (const u of doc.uploads ?? []) out.push(`Upload (${u.method}): ${f(u.bandwidthGBs, 2)} GB/s`);
  out.push(
    `Sweep (streaming read): ${doc.sweep.map((s) => `${mib(s.workingSetBytes)} ${f(s.bandwidthGBs)}`).join(' · ')}`,
  );
  for (const s of doc.skipped ?? []) out.push(`Skipped ${s.label}: ${s.reason}`);
  out.push(`Run time in the document: ${doc.durationSeconds.toFixed(1)} s`);
  return out;
}
