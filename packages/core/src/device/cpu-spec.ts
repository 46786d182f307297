/**
 * @module device/cpu-spec — what the speed model needs to know about a CPU: its cores (performance and
 * efficiency), their vector units and clocks, threads, sockets and memory channels; and the two rates derived
 * from them (int8 MACs and FP32 FMAs per second over the cores llama.cpp computes on).
 */
import { type CpuCore, floatFmasPerCycle, int8MacsPerCycle } from './cpu-cores.js';

/** Where a CPU is sold; shown in listings and used for nothing else. */
export type CpuSegment = 'desktop' | 'laptop' | 'server' | 'workstation' | 'sbc';

/** One CPU product. */
export interface CpuSpec {
  readonly segment: CpuSegment;
  /** Microarchitecture of the performance (or only) cores. */
  readonly core: CpuCore;
  readonly performanceCores: number;
  /** Base clock of the performance cores, GHz. */
  readonly baseGHz: number;
  /** Highest boost clock of the performance cores, GHz. */
  readonly boostGHz: number;
  /** Efficiency cores (Intel E-cores, Zen 5c, Arm LITTLE, Apple E), if any. */
  readonly efficiency?: { readonly core: CpuCore; readonly cores: number; readonly boostGHz: number };
  /** Hardware threads of the whole chip. */
  readonly threads: number;
  /** Sockets (NUMA nodes llama.cpp's memory is spread over without `--numa`). @default 1 */
  readonly sockets?: number;
  /** x86 hybrid chip: on Linux llama.cpp's default thread count skips the efficiency cores. */
  readonly x86Hybrid?: boolean;
}

/** The compute a CPU offers llama.cpp's default threads. */
export interface CpuRates {
  /** int8 multiply-accumulates per second (quantised weights), summed over the cores used. */
  readonly int8MacsPerSecond: number;
  /** FMAs per second on F16/BF16/F32 weights (FP16 lanes where the cores have FP16 arithmetic, else FP32). */
  readonly floatFmasPerSecond: number;
  /** Cores used by default. */
  readonly threadsUsed: number;
}

/**
 * Sustained all-core vector clock as a share of the boost clock: halfway between base and boost, assumed
 * (desktop chips hold more than base under an all-core vector load and less than single-core boost).
 */
const clockShare = (cpu: CpuSpec): number => (cpu.baseGHz + cpu.boostGHz) / (2 * cpu.boostGHz);

/**
 * Rates over the cores llama.cpp computes on by default: `cpu_get_num_math()` (common/common.cpp,
 * ggml-org/llama.cpp), which is the physical core count, or on x86 Linux hybrid chips the performance cores
 * only ("efficiency cores harm lockstep threading"); SMT threads are not used ("hyperthreading isn't useful for
 * linear algebra"). Work is split in chunks threads take as they finish, so heterogeneous cores add up.
 */
export function cpuRates(cpu: CpuSpec): CpuRates {
  const share = clockShare(cpu);
  const pHz = cpu.performanceCores * cpu.boostGHz * share * 1e9;
  const e = cpu.x86Hybrid === true ? undefined : cpu.efficiency;
  const eHz = e === undefined ? 0 : e.cores * e.boostGHz * share * 1e9;
  return {
    int8MacsPerSecond:
      pHz * int8MacsPerCycle(cpu.core) + (e === undefined ? 0 : eHz * int8MacsPerCycle(e.core)),
    floatFmasPerSecond:
      pHz * floatFmasPerCycle(cpu.core) + (e === undefined ? 0 : eHz * floatFmasPerCycle(e.core)),
    threadsUsed: cpu.performanceCores + (e?.cores ?? 0),
  };
}
