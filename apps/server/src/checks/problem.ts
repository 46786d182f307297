/** @module checks/problem — one finding about an uploaded document: where it is, what is wrong, what is accepted. */

export interface Problem {
  /** Dotted path into the document, e.g. `measurements.3.medianSeconds`. */
  readonly path: string;
  /** What is wrong and what is accepted. */
  readonly message: string;
}

/** Most problems reported for one document (the first ones found). */
export const MAX_PROBLEMS = 20;
