/**
 * @module bench/result-view — what the result panel shows from a result document and the device the user says
 * it is: the bandwidth the estimates will use (core's `calibrationFromResult`), the streaming-read ceiling,
 * every format's fitted bandwidth and launch cost against the spec sheet, and upload against the PCIe link.
 */
import {
  type Calibration,
  calibrationFromResult,
  copyCrossCheck,
  type Device,
  pcieBandwidthGBs,
  type ResultDocument,
  streamCeiling,
  type WeightFormat,
} from '@cliffbench/core';

export interface FormatRow {
  readonly format: WeightFormat;
  readonly bandwidthGBs: number;
  /** Fixed cost per dispatch, µs. */
  readonly launchMicros: number;
  readonly r2: number;
  readonly points: number;
  /** Fitted bandwidth / the device's spec bandwidth, when a device is known. */
  readonly ofSpec?: number;
  /** Fitted bandwidth / the streaming-read ceiling. */
  readonly ofCeiling?: number;
}

export interface ResultView {
  readonly calibration: Calibration;
  /** Fastest streaming read, GB/s. */
  readonly ceilingGBs?: number;
  /** Working set the ceiling was measured over, bytes. */
  readonly ceilingBytes?: number;
  /** The copy cross-check, GB/s read plus written. */
  readonly copyGBs?: number;
  readonly formats: readonly FormatRow[];
  readonly uploadGBs?: number;
  /** The device's PCIe link spec, GB/s (discrete cards with a known link). */
  readonly pcieSpecGBs?: number;
  /** The device's spec memory bandwidth, GB/s. */
  readonly specGBs?: number;
  /** Measured bandwidth the estimates use / spec. */
  readonly measuredOfSpec?: number;
}

const isPcieGen = (gen: number): gen is 3 | 4 | 5 => gen === 3 || gen === 4 || gen === 5;

export function resultView(doc: ResultDocument, device?: Device): ResultView {
  const calibration = calibrationFromResult(doc);
  const ceiling = streamCeiling(doc);
  const ceilingGBs = ceiling?.bandwidthGBs;
  const copy = copyCrossCheck(doc);
  const spec = device?.bandwidthGBs;
  const formats = doc.fits.map(
    (f): FormatRow => ({
      format: f.format,
      bandwidthGBs: f.bandwidthGBs,
      launchMicros: f.launchSeconds * 1e6,
      r2: f.r2,
      points: f.points,
      ...(spec === undefined ? {} : { ofSpec: f.bandwidthGBs / spec }),
      ...(ceilingGBs === undefined ? {} : { ofCeiling: f.bandwidthGBs / ceilingGBs }),
    }),
  );
  const link = device?.pcie;
  const pcieSpecGBs =
    link !== undefined && isPcieGen(link.gen) ? pcieBandwidthGBs(link.gen, link.lanes) : undefined;
  const measured = calibration.gpuBandwidthGBs;
  return {
    calibration,
    ...(ceiling === undefined
      ? {}
      : { ceilingGBs: ceiling.bandwidthGBs, ceilingBytes: ceiling.workingSetBytes }),
    ...(copy === undefined ? {} : { copyGBs: copy.bandwidthGBs }),
    formats,
    ...(doc.upload === undefined ? {} : { uploadGBs: doc.upload.bandwidthGBs }),
    ...(pcieSpecGBs === undefined ? {} : { pcieSpecGBs }),
    ...(spec === undefined ? {} : { specGBs: spec }),
    ...(spec === undefined || measured === undefined ? {} : { measuredOfSpec: measured / spec }),
  };
}

/** A file name for a downloaded result: `cliffbench-<device or adapter>-<time>.json`. */
export function resultFileName(doc: ResultDocument): string {
  const who = (doc.claimedDevice?.name ?? (doc.adapter.architecture || doc.adapter.vendor) ?? 'gpu')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const when = doc.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  return `cliffbench-${who || 'gpu'}-${when}.json`;
}
