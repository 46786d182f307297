/**
 * @module @cliffbench/core — the analytic estimator: catalogs, architecture import, footprint,
 * placement, decode/prefill speed, the VRAM cliff, calibration, and the result-document schema.
 * Pure TypeScript: no DOM, Node, WebGPU or framework dependency. Named re-exports only.
 */

export type { Device, DeviceKind, FormFactor, HostMemory, PcieLink } from './device/device.js';
export { CliffbenchError, type CliffbenchErrorCode } from './errors.js';
export {
  type Backend,
  type Calibration,
  BackendSchema,
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
  type FormatFit,
  type Measurement,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  ResultDocumentSchema,
  type WeightFormat,
  WeightFormatSchema,
} from './result/schema.js';
