/**
 * @module worker/timer-resolution — how coarse performance.now() is here. Browsers coarsen it (Chrome: 100 µs
 * with jitter unless cross-origin isolated, then 5 µs — https://developer.chrome.com/blog/cross-origin-isolation-guide),
 * so timed passes must last at least 100 steps for the quantisation to stay under 1%.
 */
import { median } from '@cliffbench/core';

/** Median of the first `steps` positive increments of performance.now(), seconds (0 if it never moved). */
export function timerResolutionSeconds(steps = 25, budgetMs = 100): number {
  const increments: number[] = [];
  let last = performance.now();
  const deadline = last + budgetMs;
  while (increments.length < steps) {
    const now = performance.now();
    if (now > last) {
      increments.push(now - last);
      last = now;
    }
    if (now > deadline) break;
  }
  return increments.length === 0 ? 0 : median(increments) / 1000;
}
