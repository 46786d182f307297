/**
 * @module estimate/model-input — the architecture and tensor list a scenario's `model` names: a catalog id
 * or an inline Hugging Face config.json.
 */
import type { ModelArchitecture } from '../model/architecture.js';
import { findModel } from '../model/find-model.js';
import { architectureFromHfConfig } from '../model/hf-config.js';
import type { TensorSpec } from '../model/tensors.js';
import { tensorsOf } from '../model/tensors-of.js';
import type { Scenario } from './scenario.js';

export function architectureOf(model: Scenario['model']): ModelArchitecture {
  return typeof model === 'string' ? findModel(model) : architectureFromHfConfig(model.hfConfig);
}

export function tensorSpecsOf(arch: ModelArchitecture): TensorSpec[] {
  return tensorsOf(arch);
}
