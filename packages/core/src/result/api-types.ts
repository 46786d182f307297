/**
 * @module result/api-types — the rows the results service (apps/server) answers with and the page (apps/web)
 * reads: one definition for both ends of `GET /api/results` and `GET /api/devices`.
 */

/** One row of `GET /api/results`. */
export interface ResultSummary {
  readonly id: string;
  /** When the server stored it (ISO 8601, ms). */
  readonly uploadedAt: string;
  /** When the run finished (ISO 8601). */
  readonly runAt: string;
  readonly device: string;
  readonly deviceId: string | null;
  readonly vendor: string;
  readonly browser: string;
  readonly mode: string;
  /** Headline effective bandwidth (what calibration uses), GB/s. */
  readonly bandwidthGBs: number;
}

/** One row of `GET /api/devices`: measured bandwidth across the runs claiming a device, GB/s. */
export interface DeviceStats {
  readonly device: string;
  readonly deviceId: string | null;
  readonly runs: number;
  readonly medianGBs: number;
  readonly p25GBs: number;
  readonly p75GBs: number;
}
