/**
 * @module device/gpu-generation — GPU architecture generations and what llama.cpp's matrix kernels can use on
 * each: matrix units, an int8 dot-product instruction, packed FP16, and how the catalog's FP16 figure relates
 * to the FP32 shader rate. A device's generation is its catalog field, or read from its name by the pattern
 * table below (so a scenario that names "Tesla P40" by numbers alone still gets Pascal's kernels).
 */

/** Architecture generations the speed model tells apart. */
export type GpuGeneration =
  | 'kepler'
  | 'maxwell'
  | 'pascal'
  | 'pascal-hp'
  | 'volta'
  | 'turing'
  | 'turing-gtx'
  | 'ampere'
  | 'ampere-dc'
  | 'ada'
  | 'hopper'
  | 'blackwell'
  | 'gcn4'
  | 'vega'
  | 'vega20'
  | 'cdna1'
  | 'cdna2'
  | 'cdna3'
  | 'rdna1'
  | 'rdna2'
  | 'rdna3'
  | 'rdna3.5'
  | 'rdna4'
  | 'xe-lp'
  | 'xe-lpg'
  | 'xe-hpg'
  | 'xe2'
  | 'apple'
  | 'apple-m5';

/** What a generation offers llama.cpp's prompt-processing matmuls. */
export interface GpuGenerationTraits {
  readonly vendor: 'NVIDIA' | 'AMD' | 'Intel' | 'Apple';
  /**
   * Matrix units the catalog's `fp16Tflops` measures (tensor cores, WMMA/MFMA, XMX; Apple's simdgroup
   * matrices run on its ALUs and count too). False: the catalog figure, where known, is a shader rate.
   */
  readonly matrixUnits: boolean;
  /** An int8 dot-product instruction (CUDA `__dp4a` from compute capability 6.1, AMD `v_dot4` from Vega 20). */
  readonly int8Dot: boolean;
  /** FP16 arithmetic at twice the FP32 rate (packed half2). */
  readonly packedFp16: boolean;
  /** The generation's catalog FP16 figure ÷ its FP32 shader TFLOPS, to derive the shader rate. */
  readonly fp16PerFp32: number;
  /** Matrix throughput ÷ the catalog FP16 figure where they differ (Apple M5's neural accelerators). */
  readonly matrixPerCatalogFp16?: number;
}

/**
 * Traits per generation. Capabilities follow llama.cpp's own thresholds (ggml/src/ggml-cuda/common.cuh at
 * ggml-org/llama.cpp 000651ca: GGML_CUDA_CC_DP4A = 610 "minimum compute capability for __dp4a", VOLTA 700,
 * TURING 750 for int8 mma; GGML_CUDA_CC_VEGA20 "minimum for dp4a", CDNA1 "minimum for MFMA", GCN4 "minimum
 * for fast fp16"). fp16PerFp32 is the ratio of vendor figures: GeForce Turing 107.6/13.4 TFLOPS (RTX 2080 Ti,
 * Turing whitepaper), GeForce Ampere/Ada/Blackwell 142.3/35.6 (RTX 3090, GA102 whitepaper), 330.3/82.6 (RTX
 * 4090, Ada whitepaper), A100 312/19.5, H100 SXM 989/67 (NVIDIA datasheets), Volta V100 125/15.7, RDNA2 2
 * (FP16 shader rate is 2 × FP32), RDNA3 122.8/61.4 (RX 7900 XTX), RDNA4 194.6/48.7 (RX 9070 XT), CDNA2
 * 181/22.6 (MI210), CDNA3 1307/81.7 (MI300X), Arc A770 137.6/19.7, B580 116.7/13.7 (Intel Arc pages); Apple
 * GPUs run FP16 at the FP32 rate (1). Apple M5: more than four times M4's peak GPU compute for AI, from a neural
 * accelerator in each GPU core (Apple's October 2025 announcement, as reported at
 * the-decoder.com/apples-m5-chip-brings-faster-ai-to-macbook-ipad-and-vision-pro/), which llama.cpp's Metal tensor
 * path uses on M5 and later only (ggml/src/ggml-metal/ggml-metal-device.m: "tensor API disabled for pre-M5
 * and pre-A19 devices").
 */
export const gpuGenerations: Readonly<Record<GpuGeneration, GpuGenerationTraits>> = {
  kepler: { vendor: 'NVIDIA', matrixUnits: false, int8Dot: false, packedFp16: false, fp16PerFp32: 1 },
  maxwell: { vendor: 'NVIDIA', matrixUnits: false, int8Dot: false, packedFp16: false, fp16PerFp32: 1 },
  pascal: { vendor: 'NVIDIA', matrixUnits: false, int8Dot: true, packedFp16: false, fp16PerFp32: 1 },
  'pascal-hp': { vendor: 'NVIDIA', matrixUnits: false, int8Dot: false, packedFp16: true, fp16PerFp32: 2 },
  volta: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 8 },
  turing: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 8 },
  'turing-gtx': { vendor: 'NVIDIA', matrixUnits: false, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  ampere: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 4 },
  'ampere-dc': { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 16 },
  ada: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 4 },
  hopper: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 14.8 },
  blackwell: { vendor: 'NVIDIA', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 4 },
  gcn4: { vendor: 'AMD', matrixUnits: false, int8Dot: false, packedFp16: false, fp16PerFp32: 1 },
  vega: { vendor: 'AMD', matrixUnits: false, int8Dot: false, packedFp16: true, fp16PerFp32: 2 },
  vega20: { vendor: 'AMD', matrixUnits: false, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  cdna1: { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 8 },
  cdna2: { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 8 },
  cdna3: { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 16 },
  rdna1: { vendor: 'AMD', matrixUnits: false, int8Dot: false, packedFp16: true, fp16PerFp32: 2 },
  rdna2: { vendor: 'AMD', matrixUnits: false, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  rdna3: { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  'rdna3.5': { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  rdna4: { vendor: 'AMD', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 4 },
  'xe-lp': { vendor: 'Intel', matrixUnits: false, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  'xe-lpg': { vendor: 'Intel', matrixUnits: false, int8Dot: true, packedFp16: true, fp16PerFp32: 2 },
  'xe-hpg': { vendor: 'Intel', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 7 },
  xe2: { vendor: 'Intel', matrixUnits: true, int8Dot: true, packedFp16: true, fp16PerFp32: 8.5 },
  apple: { vendor: 'Apple', matrixUnits: true, int8Dot: false, packedFp16: false, fp16PerFp32: 1 },
  'apple-m5': {
    vendor: 'Apple',
    matrixUnits: true,
    int8Dot: false,
    packedFp16: false,
    fp16PerFp32: 1,
    matrixPerCatalogFp16: 4,
  },
};

/**
 * Name patterns → generation per vendor, first match wins (product names from the vendors' line-ups;
 * datacenter and workstation names before the consumer series they share numbers with). Tested against
 * lower-cased names; a device of unknown vendor is tried against every vendor's patterns.
 */
const namePatterns: Readonly<
  Record<GpuGenerationTraits['vendor'], readonly (readonly [RegExp, GpuGeneration])[]>
> = {
  NVIDIA: [
    [/\bgh200\b|\bh(100|200|800)\b/, 'hopper'],
    [/\bb(100|200)\b|\bgb(10|200)\b|dgx spark|blackwell|rtx 50\d\d|rtx pro \d000/, 'blackwell'],
    [/\ba(100|30|800)\b/, 'ampere-dc'],
    [/\bl(4|40|40s)\b|rtx 40\d\d|\bada\b/, 'ada'],
    [/rtx 30\d\d|rtx a\d{3,4}\b|\ba(2|10|10g|16|40)\b/, 'ampere'],
    [/gtx 16\d\d/, 'turing-gtx'],
    [/rtx 20\d\d|titan rtx|quadro rtx|\bt4\b|\bt(400|600|1000)\b/, 'turing'],
    [/v100|titan v\b/, 'volta'],
    [/\bp100\b|quadro gp100/, 'pascal-hp'],
    [/\bp(4|6|40)\b|gtx 10\d\d|titan xp|titan x \(?pascal|quadro p\d+/, 'pascal'],
    [/\bm(4|6|10|40|60)\b|gtx 9[5-8]0|gtx titan x\b|titan x \(?maxwell|quadro m\d+/, 'maxwell'],
    [/\bk(10|20|20x|40|80)\b|gtx 7[6-8]0|gtx titan\b/, 'kepler'],
  ],
  AMD: [
    [/mi3(00|25)/, 'cdna3'],
    [/mi2(10|50)/, 'cdna2'],
    [/mi100\b/, 'cdna1'],
    [/mi(50|60)\b|radeon vii|radeon pro vii/, 'vega20'],
    [/vega|mi25\b/, 'vega'],
    [/rx 9\d\d\d|r9700|radeon ai pro|gfx12/, 'rdna4'],
    [/8060s|8050s|strix|890m|880m|860m|840m|gfx115/, 'rdna3.5'],
    [/rx 7\d\d\d|pro w7\d\d\d|pro v710|780m|760m|740m|phoenix|hawk point|gfx11/, 'rdna3'],
    [/rx 6\d\d\d|pro w6\d\d\d|pro v620|680m|660m|610m|rembrandt|gfx103/, 'rdna2'],
    [/rx 5[5-7]\d\d|pro w5\d\d\d|gfx101/, 'rdna1'],
    [/rx (4[6-9]0|5[5-9]0)\b|polaris/, 'gcn4'],
  ],
  Intel: [
    [/arc (pro )?b\d{2,3}|arc 1[34]0v|lunar lake|xe2|battlemage/, 'xe2'],
    [/arc (pro )?a\d{2,3}|alchemist/, 'xe-hpg'],
    [/meteor lake|arrow lake|arc graphics|core ultra|xe-lpg/, 'xe-lpg'],
    [/iris xe|uhd graphics|intel xe\b/, 'xe-lp'],
  ],
  Apple: [
    [/\b(m[5-9]|a19|a20)\b/, 'apple-m5'],
    [/.*/, 'apple'],
  ],
};

const vendors = Object.keys(namePatterns) as GpuGenerationTraits['vendor'][];

/** The generation of a device: its catalog field, else from its name; undefined for CPUs and unknown names. */
export function gpuGenerationOf(device: {
  readonly name: string;
  readonly kind: string;
  readonly vendor: string;
  readonly generation?: GpuGeneration;
}): GpuGeneration | undefined {
  if (device.generation !== undefined) return device.generation;
  if (device.kind === 'cpu') return undefined;
  const name = device.name.toLowerCase();
  const own = vendors.find((v) => v === device.vendor);
  for (const vendor of own === undefined ? vendors.filter((v) => v !== 'Apple') : [own]) {
    const hit = namePatterns[vendor].find(([pattern]) => pattern.test(name));
    if (hit !== undefined) return hit[1];
  }
  return undefined;
}
