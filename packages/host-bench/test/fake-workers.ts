/**
 * Test helper: in-process fake benchmark workers that speak the real protocol with synthetic timings from a
 * simple machine model, so the coordinator's logic can be checked without threads or real memory.
 */
import type { FromWorker, RamWorkerPort, SpawnRamWorker, ToWorker } from '../src/index.js';

/** A synthetic machine: bandwidths in GB/s, sizes in bytes. */
export interface FakeMachine {
  /** Read bandwidth one worker gets from RAM when alone. */
  readonly perWorkerGBs: number;
  /** RAM bandwidth all workers share. */
  readonly busGBs: number;
  /** Working sets up to this size read at `cacheGBs`. */
  readonly cacheBytes?: number;
  readonly cacheGBs?: number;
  /** Largest buffer one worker can allocate. */
  readonly maxAllocBytes?: number;
  /** Factor on worker i's times (the i-th of its group). @default 1 */
  readonly slowdown?: (worker: number) => number;
}

export interface FakeLog {
  /** Group sizes of successful inits, in order. */
  readonly inits: { parties: number; bytes: number }[];
  /** `go` messages that arrived before every worker of the group was waiting. */
  barrierViolations: number;
  /** Workers spawned and terminated. */
  spawned: number;
  terminated: number;
}

/** Seconds a worker of a `parties`-sized group takes to stream a `bytes` working set `reps` times. */
function fakeSeconds(
  machine: FakeMachine,
  bytes: number,
  reps: number,
  parties: number,
  worker: number,
): number {
  const inCache = bytes <= (machine.cacheBytes ?? 0);
  const gbs = inCache
    ? (machine.cacheGBs ?? machine.perWorkerGBs)
    : Math.min(machine.perWorkerGBs, machine.busGBs / parties);
  return ((bytes * reps) / (gbs * 1e9)) * (machine.slowdown?.(worker) ?? 1);
}

/** A spawner of fake workers on `machine`; the log records what the coordinator did. */
export function fakeSpawner(machine: FakeMachine): { spawn: SpawnRamWorker; log: FakeLog } {
  const log: FakeLog = { inits: [], barrierViolations: 0, spawned: 0, terminated: 0 };
  const live: number[] = [];
  const waiting = new Set<number>();
  let releasing = 0;
  let parties = 0;

  const spawn: SpawnRamWorker = () => {
    const id = log.spawned++;
    const index = live.length;
    live.push(id);
    let onMessage: (message: FromWorker) => void = () => {};
    let go: (() => void) | undefined;
    const send = (message: FromWorker) => queueMicrotask(() => onMessage(message));
    const handle = async (message: Exclude<ToWorker, { type: 'go' }>) => {
      if (message.type === 'init') {
        if (message.bytes > (machine.maxAllocBytes ?? Infinity)) {
          return send({ type: 'error', code: 'out-of-memory', message: `no ${message.bytes} bytes` });
        }
        parties = message.parties;
        log.inits.push({ parties: message.parties, bytes: message.bytes });
        return send({ type: 'initialized', bytes: message.bytes, timerResolutionSeconds: 1e-6 });
      }
      if (message.type === 'calibrate') {
        const one = fakeSeconds(machine, message.bytes, 1, 1, index);
        const reps = Math.max(1, Math.ceil(message.minSeconds / one));
        return send({ type: 'calibrated', reps, seconds: reps * one });
      }
      const seconds: number[] = [];
      for (let round = 0; round < message.rounds; round++) {
        await new Promise<void>((resolve) => {
          go = resolve;
          waiting.add(id);
          send({ type: 'ready' });
        });
        seconds.push(fakeSeconds(machine, message.bytes, message.reps, parties, index));
      }
      return send({ type: 'measured', seconds });
    };
    const port: RamWorkerPort = {
      post(message) {
        if (message.type === 'go') {
          if (!waiting.has(id) || (releasing === 0 && waiting.size !== parties)) log.barrierViolations += 1;
          waiting.delete(id);
          releasing = waiting.size === 0 ? 0 : releasing + 1;
          queueMicrotask(() => go?.());
          return;
        }
        queueMicrotask(() => void handle(message));
      },
      listen(handler) {
        onMessage = handler;
      },
      terminate() {
        log.terminated += 1;
        live.splice(live.indexOf(id), 1);
      },
    };
    return port;
  };
  return { spawn, log };
}
