/**
 * @module plausibility — checks a schema-valid result document for figures and text that cannot be true or
 * cannot be stored: text PostgreSQL cannot hold (checks/storable-text), figures that do not follow from the
 * document's own samples and counts (checks/timing-consistency), and bandwidths over what the claimed device,
 * or any memory in the catalog, can deliver (checks/physical-limits), and llama.cpp runs faster than physics or
 * far outside the estimate for their scenario (checks/llama-runs).
 */
import type { ResultDocument } from '@cliffbench/core';
import { llamaRunProblems } from './checks/llama-runs.js';
import { limitProblems } from './checks/physical-limits.js';
import { MAX_PROBLEMS, type Problem } from './checks/problem.js';
import { textProblems } from './checks/storable-text.js';
import { consistencyProblems } from './checks/timing-consistency.js';

export type { Problem } from './checks/problem.js';

/** Problems found (at most MAX_PROBLEMS), each with where and what is accepted; empty when plausible. */
export function implausibilities(doc: ResultDocument): Problem[] {
  const out: Problem[] = [];
  textProblems(doc, '', out);
  consistencyProblems(doc, out);
  limitProblems(doc, out);
  llamaRunProblems(doc, out);
  return out.slice(0, MAX_PROBLEMS);
}
