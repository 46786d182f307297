/**
 * @module result/api-types — the rows the results service (apps/server) answers with and the page (apps/web)
 * reads: one definition for both ends of `GET /api/results`, `GET /api/devices` and `GET /api/leaderboard/speed`.
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

/**
 * One row of the measured-speed leaderboard: llama.cpp runs of one model and quant on one device and backend
 * at one test (kind, prompt, generation, depth), summarised.
 */
export interface LeaderboardRow {
  readonly deviceId: string;
  readonly backend: string;
  readonly modelId: string;
  readonly quant: string;
  readonly kind: string;
  readonly nPrompt: number;
  readonly nGen: number;
  readonly nDepth: number;
  /** Median measured tokens/s. */
  readonly medianTokensPerSecond: number;
  /** Median of the server's estimates for the same runs' scenarios. */
  readonly estimateTokensPerSecond: number | null;
  readonly runs: number;
  readonly sources: number;
  readonly minBuild: number;
  readonly maxBuild: number;
  /** Ids of the results carrying these runs (at most 20, newest first). */
  readonly resultIds: readonly string[];
}
