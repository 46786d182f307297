/**
 * @module estimate/warm-up — the first estimate of a (model, quant) pair costs 5-20 ms in core (it quantises
 * every tensor of the model once, then remembers). Advice looks at other quants and smaller models, so the first
 * change to a new model could take 50 ms. After the page has painted, idle time resolves every Gemma 4 model
 * in every quant mix (about half a second of work in ~110 small tasks), the current model first; later input
 * changes then stay within a frame.
 */
import { models, quantMixes, resolveScenario } from '@cliffbench/core';

type Idle = (cb: () => void) => void;

/** requestIdleCallback where there is one (not Safari), else a short timeout. */
const whenIdle: Idle = (cb) => {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (ric !== undefined) ric(cb, { timeout: 2000 });
  else setTimeout(cb, 30);
};

/** The pairs to warm, `first` model's first. */
function warmUpPairs(first: string): { model: string; quant: string }[] {
  const gemma = models.filter((m) => m.family === 'gemma-4').map((m) => m.id);
  const order = [first, ...gemma.filter((id) => id !== first)];
  return order.flatMap((model) => quantMixes.map((q) => ({ model, quant: q.name })));
}

/** Resolves `warmUpPairs(firstModel)` one per idle period, on `device`; calls `done` after the last. */
export function scheduleWarmUp(
  firstModel: string,
  device: string,
  done?: () => void,
  idle: Idle = whenIdle,
): void {
  const pairs = warmUpPairs(firstModel);
  let next = 0;
  const step = () => {
    const pair = pairs[next++];
    if (pair === undefined) {
      done?.();
      return;
    }
    try {
      resolveScenario({ ...pair, device });
    } catch {
      // A pair core cannot resolve (e.g. an unknown device typed in the URL) is simply not warmed.
    }
    idle(step);
  };
  idle(step);
}
