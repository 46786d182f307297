/** @module compare/result-labels — the device name the Compare view shows for a result document. */
import { type ResultDocument, uploaderDeviceName } from '@cliffbench/core';
import { claimedCatalogDevice } from './calibrated-decode.js';

/** The catalog device's name when the result claims one (by id or name), else core's `uploaderDeviceName`. */
export const deviceName = (d: ResultDocument): string =>
  claimedCatalogDevice(d)?.name ?? uploaderDeviceName(d);
