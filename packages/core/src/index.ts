/**
 * @module @cliffbench/core — the analytic estimator: catalogs, architecture import, footprint,
 * placement, decode/prefill speed, the VRAM cliff, calibration, and the result-document schema.
 * Pure TypeScript: no DOM, Node, WebGPU or framework dependency. Named re-exports only.
 */

export {
  calibrationFromResult,
  MIN_FIT_R2,
} from './calibration/calibration-from-result.js';
export { type DecodeFit, type DecodePoint, fitDecodeFromLlamaBench } from './calibration/fit-decode.js';
export {
  type BandwidthFit,
  fitLaunchBandwidth,
  type TimingSample,
} from './calibration/fit-launch-bandwidth.js';
export { appleGpuWorkingSetBytes } from './device/apple-working-set.js';
export { defaultBackend } from './device/default-backend.js';
export type { Device, DeviceKind, FormFactor, HostMemory, PcieLink } from './device/device.js';
export { deviceFromSpec } from './device/device-from-spec.js';
export { devices } from './device/devices.js';
export { findDevice, searchDevices } from './device/find-device.js';
export { findHostMemory, findPcieLink } from './device/find-host.js';
export { BYTES_PER_MARKETED_GB } from './device/gpu-table.js';
export { ddrBandwidthGBs, hostMemories } from './device/host-memory.js';
export { pcieBandwidthGBs, pcieLinks } from './device/pcie-links.js';
export { CliffbenchError, type CliffbenchErrorCode } from './errors.js';
export {
  type Backend,
  BackendSchema,
  type Calibration,
  CalibrationSchema,
  type DeviceSpec,
  DeviceSpecSchema,
  type EstimateError,
  type EstimateMemory,
  type EstimateResult,
  type HostSpec,
  HostSpecSchema,
  type Offload,
  OffloadSchema,
  type Regime,
  type Scenario,
  type ScenarioInput,
  ScenarioSchema,
} from './estimate/scenario.js';
export { type WeightBreakdown, weightBreakdown } from './footprint/weights.js';
export {
  ggufFileBytes,
  ggufOverheadBytes,
  scaleBreakdownToFileSize,
  tensorInfoBytes,
  tokenizerMetadataBytes,
  type VocabKind,
  vocabKind,
} from './footprint/weights-file.js';
export type {
  AttentionKind,
  DenseFfn,
  FfnSpec,
  LayerSpec,
  ModelArchitecture,
  MoeFfn,
} from './model/architecture.js';
export type { QuantizedTensor, TensorGroup, TensorSpec } from './model/tensors.js';
export {
  bitsPerWeight,
  fitsBlocks,
  type GgmlType,
  ggmlType,
  ggmlTypeById,
  ggmlTypes,
  tensorBytes,
} from './quant/ggml-types.js';
export { findKvCacheType, type KvCacheType, kvCacheTypes } from './quant/kv-cache-types.js';
export { findQuant, type QuantMix, quantMixByFileType, quantMixes } from './quant/quant-mixes.js';
export { type QuantizeOptions, quantizeTensors } from './quant/quantize-tensors.js';
export { mlxTypes, storageType } from './quant/storage-types.js';
export { type TensorCategory, tensorCategory } from './quant/tensor-category.js';
export {
  type FormatFit,
  type Measurement,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
  type WeightFormat,
  WeightFormatSchema,
} from './result/schema.js';
