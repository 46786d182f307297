/**
 * @module @cliffbench/core — the analytic estimator: catalogs, architecture import, footprint,
 * placement, decode/prefill speed, the VRAM cliff, calibration, and the result-document schema.
 * Pure TypeScript: no DOM, Node, WebGPU or framework dependency. Named re-exports only.
 */

export {
  calibrationFromChecks,
  calibrationFromLlamaRuns,
  type LlamaRunsCalibration,
} from './calibration/calibration-from-llama-runs.js';
export {
  calibrationFromResult,
  MIN_FIT_R2,
} from './calibration/calibration-from-result.js';
export {
  type CommunityCalibration,
  CommunityCalibrationSchema,
  communityCalibration,
  communityEta,
  HAMPEL_K,
  MIN_COMMUNITY_SOURCES,
  type RobustAggregate,
  RobustAggregateSchema,
  robustAggregate,
  type SourcedValue,
  webgpuRatioCalibration,
} from './calibration/community.js';
export { type DecodeFit, type DecodePoint, fitDecodeFromLlamaBench } from './calibration/fit-decode.js';
export {
  type BandwidthFit,
  fitLaunchBandwidth,
  type TimingSample,
} from './calibration/fit-launch-bandwidth.js';
export { prefillEfficiencyOf } from './calibration/prefill-efficiency.js';
export {
  type Curve,
  type CurveAxis,
  type CurveOptions,
  type CurvePoint,
  cliffCurve,
  cliffCurveResolved,
} from './curves/cliff-curve.js';
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
export { type BatchOptions, runBatch, runBatchLine } from './estimate/batch.js';
export type { Advice, AdviceKind, DetailedEstimate, EstimateBreakdown } from './estimate/detailed.js';
export {
  type EstimateOptions,
  estimate,
  estimateDetailed,
  estimateResolved,
  toEstimateResult,
} from './estimate/estimate.js';
export { type Headline, type HeadlineInput, headlineOf } from './estimate/headline.js';
export { type KvCacheSettings, kvCacheSettings } from './estimate/kv-settings.js';
export {
  type MemoryPart,
  type MemoryPartKind,
  type MemoryPool,
  type MemorySpan,
  memoryPools,
} from './estimate/memory-pools.js';
export { type RegimeText, regimeText } from './estimate/regime-text.js';
export type { MemoryLayout } from './estimate/resolve-hardware.js';
export { type ResolveOptions, resolveScenario } from './estimate/resolve-scenario.js';
export {
  type Reconfiguration,
  type ResolvedScenario,
  type RunSettings,
  reconfigure,
} from './estimate/resolved.js';
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
  type KvCacheTypeName,
  KvCacheTypeNameSchema,
  type Offload,
  OffloadSchema,
  type Regime,
  type Scenario,
  type ScenarioInput,
  ScenarioSchema,
} from './estimate/scenario.js';
export {
  type KvCacheOptions,
  type KvTypes,
  kvCacheBytes,
  kvCacheCells,
  kvReadBytesAveraged,
  kvReadBytesPerToken,
} from './footprint/kv-cache.js';
export { computeBufferBytes, runtimeOverheadBytes } from './footprint/overhead.js';
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
export {
  type GgufModel,
  type GgufReadOptions,
  readGgufHeader,
  readSplitGgufHeaders,
} from './import/gguf-header.js';
export type {
  AttentionKind,
  DenseFfn,
  FfnSpec,
  LayerSpec,
  ModelArchitecture,
  MoeFfn,
  RopeScaling,
} from './model/architecture.js';
export { catalogConfig, models } from './model/catalog.js';
export { findModel } from './model/find-model.js';
export { architectureFromHfConfig, type HfConfigOptions, supportedModelTypes } from './model/hf-config.js';
export type { QuantizedTensor, TensorGroup, TensorSpec } from './model/tensors.js';
export { tensorsOf } from './model/tensors-of.js';
export { FIT_MARGIN_BYTES } from './placement/auto-fit.js';
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
export type { DeviceStats, LeaderboardRow, ResultSummary } from './result/api-types.js';
export {
  type LlamaBenchRun,
  type LlamaBenchRunInput,
  LlamaBenchRunSchema,
  type LlamaCppSection,
  LlamaCppSectionSchema,
  type LlamaServerTimings,
  LlamaServerTimingsSchema,
  type LlamaTestKind,
  llamaTestKind,
  llamaTestLabel,
  parseLlamaBenchOutput,
  serverTimingsSpeeds,
} from './result/llama-runs.js';
export {
  BAND_FACTOR,
  checkLlamaRun,
  checkMatchedRun,
  type LlamaRunCheck,
  type LlamaRunMatch,
  llamaRunBackend,
  llamaRunQuant,
  matchLlamaRun,
  PHYSICS_MARGIN,
} from './result/match-llama-run.js';
export {
  type RamKernel,
  RamKernelSchema,
  type RamMeasurement,
  RamMeasurementSchema,
  type RamPlateau,
  RamPlateauSchema,
  type RamSection,
  RamSectionSchema,
  type RamSweepPoint,
  RamSweepPointSchema,
  ramCalibration,
} from './result/ram-section.js';
export { browserName, resultBrowser, uploaderDeviceName } from './result/result-labels.js';
export {
  type FormatFit,
  type Measurement,
  parseResultDocument,
  RESULT_SCHEMA_VERSION,
  type ResultDocument,
  type ResultDocumentInput,
  ResultDocumentSchema,
  type WeightFormat,
  WeightFormatSchema,
} from './result/schema.js';
export { type ServerTimingsRun, serverTimingsRuns } from './result/server-timings-runs.js';
export { copyCrossCheck, streamCeiling } from './result/stream-figures.js';
export {
  type BackendSpeed,
  backendDefaults,
  type SharedSpeed,
  sharedSpeed,
} from './speed/backend-defaults.js';
export type { DecodeBreakdown, Tier, TierTime } from './speed/decode.js';
export type { PrefillBreakdown } from './speed/prefill.js';
export { ci95Relative, enoughSamples, median, quantile, type StopRule } from './stats/sample-stats.js';
export { describePlacement, describeTradeOff, formatTokens } from './tune/describe-configuration.js';
export { LLAMA_BENCH_SOURCE, LLAMA_SERVER_SOURCE, LM_STUDIO_SOURCE, OLLAMA_SOURCE } from './tune/flags.js';
export {
  type LmStudioLoadConfig,
  llamaGpuLayersValue,
  type RenderedSettings,
  type RenderOptions,
  renderSettings,
} from './tune/render-settings.js';
export { DEFAULT_MARGIN_BYTES, DEFAULT_MIN_CONTEXT_TOKENS } from './tune/search-configurations.js';
export {
  type TuneCurve,
  type TuneCurveAxis,
  type TuneCurvePoint,
  tuneCurve,
  tuneCurveResolved,
} from './tune/tune-curve.js';
export { type TuneContext, tuneResolved, tuneSettings } from './tune/tune-settings.js';
export type {
  TradeOff,
  TunedConfiguration,
  TunedMemory,
  TunedSettings,
  TuneInput,
  TuneOptions,
  TuneResult,
  TuneScenario,
  TuneSuggestion,
} from './tune/tune-types.js';
export { type BandFactors, bandFactors } from './uncertainty/band.js';
export { type BandRow, bandTable as uncertaintyBands } from './uncertainty/band-table.js';
